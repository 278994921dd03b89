import http from "node:http";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { newMerchant, startKassa, type KassaProcess } from "./kassa-process";

/** Bodies and headers past the limits, sent to the server as production runs it (npm start). */
let kassa: KassaProcess;
let secretKey: string;
beforeAll(async () => {
  kassa = await startKassa({ KASSA_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "kassa-limits-")), DATABASE_URL: "" });
  ({ secretKey } = await newMerchant(kassa.url));
});
afterAll(() => kassa.kill());

/** A 4 MB body in chunks, with no length up front: the status that came back, or "reset" when the connection was torn down first. */
function sendChunked(): Promise<number | "reset"> {
  const { port } = new URL(kassa.url);
  return new Promise((resolve) => {
    const request = http.request(
      { host: "127.0.0.1", port, path: "/api/v1/payment-intents", method: "POST", agent: false, headers: { "content-type": "application/json", authorization: `Bearer ${secretKey}` } },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
        response.on("error", () => resolve("reset"));
      },
    );
    request.on("error", () => resolve("reset"));
    const chunk = Buffer.alloc(64 * 1024, 97);
    let sent = 0;
    const pump = () => {
      while (sent < 4 * 1024 * 1024) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", pump);
      }
      request.end();
    };
    pump();
  });
}

it("answers a chunked body that is too large with a 413 the client reads, never a TCP reset", async () => {
  const outcomes: (number | "reset")[] = [];
  for (let i = 0; i < 20; i++) outcomes.push(await sendChunked());
  expect(outcomes).toEqual(outcomes.map(() => 413));
});
