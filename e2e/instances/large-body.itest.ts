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

/** A request with one header of `size` bytes: status, content type and body as the client read them. */
function withHugeHeader(pathname: string, size: number): Promise<{ status: number; type: string; body: string }> {
  const { port } = new URL(kassa.url);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port, path: pathname, method: "GET", agent: false, headers: { "x-padding": "p".repeat(size) } }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, type: String(response.headers["content-type"] ?? ""), body }));
    });
    request.on("error", reject);
    request.end();
  });
}

it.each([
  ["/api/v1/payment-intents", 20_000, (body: any) => body.error?.code === "headers_too_large" && body.error?.type === "invalid_request_error"],
  ["/api/platform/intents/pi_1", 20_000, (body: any) => body.success === false && typeof body.message === "string"],
  ["/api/payments", 20_000, (body: any) => body.error === "headers_too_large"],
  ["/v1/checkout/sessions", 20_000, (body: any) => body.error?.code === "headers_too_large" && body.error?.type === "invalid_request_error"],
  ["/api/v1/payment-intents", 80_000, (body: any) => body.error?.code === "headers_too_large"],
  ["/pay/pi_1", 20_000, (body: any) => body.error?.code === "headers_too_large"],
])("answers headers over 16 KB on %s (%i bytes) with a JSON 431 in the path's envelope, not Node's empty one", async (pathname, size, inEnvelope) => {
  const answer = await withHugeHeader(pathname, size);
  expect(answer.status).toBe(431);
  expect(answer.type).toMatch(/^application\/json/);
  expect(inEnvelope(JSON.parse(answer.body)), answer.body).toBe(true);
});
