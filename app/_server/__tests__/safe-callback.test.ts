import { describe, expect, it } from "vitest";
import { safeCallback } from "../safe-callback";

describe("safeCallback", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(safeCallback("/dashboard/payments?status=failed#top")).toBe("/dashboard/payments?status=failed#top");
  });

  it.each(["https://evil.example/", "//evil.example", "/\\evil.example", "/\t/evil.example", "/%09/evil.example", "/\n/evil.example", "javascript:alert(1)", "", undefined])(
    "sends %j to the fallback or keeps it on this site",
    (value) => {
      const result = safeCallback(value);
      expect(new URL(result, "http://kassa.invalid").origin).toBe("http://kassa.invalid");
      expect(result.startsWith("//")).toBe(false);
    },
  );

  it("refuses control characters a browser would strip into another origin", () => {
    expect(safeCallback("/\t/evil.example")).toBe("/dashboard");
    expect(safeCallback("//evil.example")).toBe("/dashboard");
    expect(safeCallback(["/a", "/b"])).toBe("/dashboard");
  });
});
