import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { guardedLookup, isPrivateAddress, privateWebhooksAllowed } from "./url-safety";

export type PostOutcome = { statusCode: number | null; durationMs: number; excerpt: string | null; error: string | null };

const EXCERPT_BYTES = 1024;

/**
 * One POST with a hard timeout, reading at most the first kilobyte of the answer. It connects only
 * to public addresses (checked at connect time, so DNS cannot be re-pointed after the URL was saved)
 * unless KASSA_ALLOW_PRIVATE_WEBHOOKS=1.
 */
export function postWebhook(url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<PostOutcome> {
  const started = performance.now();
  const finish = (statusCode: number | null, excerpt: string | null, error: string | null): PostOutcome => ({
    statusCode,
    excerpt,
    error,
    durationMs: Math.round(performance.now() - started),
  });
  return new Promise((resolve) => {
    const target = new URL(url);
    const host = target.hostname.replace(/^\[|\]$/g, "");
    if (isIP(host) && isPrivateAddress(host) && !privateWebhooksAllowed()) {
      resolve(finish(null, null, "Refused: the URL points at a private address."));
      return;
    }
    const client = target.protocol === "https:" ? https : http;
    const request = client.request(
      target,
      {
        method: "POST",
        headers: { ...headers, "content-length": Buffer.byteLength(body) },
        lookup: guardedLookup as never,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          if (size < EXCERPT_BYTES) chunks.push(chunk.subarray(0, EXCERPT_BYTES - size));
          size += chunk.length;
        });
        response.on("end", () => resolve(finish(response.statusCode ?? null, Buffer.concat(chunks).toString("utf8"), null)));
        response.on("error", (error) => resolve(finish(response.statusCode ?? null, null, error.message)));
      },
    );
    // The timeout covers the whole exchange, not just idle sockets.
    const deadline = setTimeout(() => request.destroy(new Error(`Timed out after ${timeoutMs} ms`)), timeoutMs);
    request.on("close", () => clearTimeout(deadline));
    request.on("error", (error) => resolve(finish(null, null, error.message)));
    request.end(body);
  });
}
