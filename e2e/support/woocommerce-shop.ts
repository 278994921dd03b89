import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export type ShopWebhook = { event: string; external_id: string; tx_hash?: string | null; failure_reason?: string | null };

/**
 * A stand-in for a WordPress shop running MutoPay's WooCommerce plugin: its connect callback page
 * records what Kassa sent the browser back with, and its webhook route checks each request the way
 * the plugin's handler does (sha256= hex HMAC of the raw body with the stored secret, 401 otherwise;
 * `event` and `external_id` required, 400 otherwise), answering `{"ok":true}`.
 */
export async function startWooCommerceShop() {
  const state = { webhookSecret: "", callbacks: [] as URLSearchParams[], webhooks: [] as ShopWebhook[], refused: 0 };
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://shop.invalid");
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      if (url.pathname === "/wp-json/mutopay/v1/webhook" && request.method === "POST") {
        const raw = Buffer.concat(chunks);
        const expected = Buffer.from(`sha256=${createHmac("sha256", state.webhookSecret).update(raw).digest("hex")}`);
        const received = Buffer.from(String(request.headers["x-mutopay-signature"] ?? ""));
        if (!state.webhookSecret || expected.length !== received.length || !timingSafeEqual(expected, received)) {
          state.refused++;
          response.writeHead(401, { "content-type": "application/json" }).end('{"error":"Invalid signature"}');
          return;
        }
        const payload = JSON.parse(raw.toString("utf8")) as ShopWebhook;
        if (!payload.event || !payload.external_id) {
          response.writeHead(400, { "content-type": "application/json" }).end('{"error":"Invalid payload"}');
          return;
        }
        state.webhooks.push(payload);
        response.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
        return;
      }
      if (url.pathname === "/wp-admin/admin.php") state.callbacks.push(url.searchParams);
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(`<!doctype html><title>Shop</title><h1>Shop: ${url.pathname}</h1>`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    state,
    returnUrl: (csrfState: string) => `${origin}/wp-admin/admin.php?page=mutopay-connect&state=${csrfState}`,
    webhookUrl: `${origin}/wp-json/mutopay/v1/webhook`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
