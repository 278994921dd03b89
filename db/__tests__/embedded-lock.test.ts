import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DataDirLockedError, openEmbedded } from "../embedded";

describe("the embedded database folder", () => {
  it("refuses a second process while the first is alive", async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "kassa-lock-"));
    // The parent of this test process is alive and is not this process: it stands for "another Kassa".
    fs.writeFileSync(path.join(folder, "kassa.lock"), String(process.ppid));
    await expect(openEmbedded(folder)).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(openEmbedded(folder)).rejects.toThrow(/in use by another Kassa process/);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it("takes over a lock left by a process that died, and lets go when closed", async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "kassa-lock-"));
    fs.writeFileSync(path.join(folder, "kassa.lock"), "2147483646");
    const handle = await openEmbedded(folder);
    expect(fs.readFileSync(path.join(folder, "kassa.lock"), "utf8")).toBe(String(process.pid));
    await handle.close();
    expect(fs.existsSync(path.join(folder, "kassa.lock"))).toBe(false);
    fs.rmSync(folder, { recursive: true, force: true });
  }, 60_000);
});
