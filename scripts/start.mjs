#!/usr/bin/env node
/**
 * Kassa's production server: Next.js's own request handler behind a plain node:http server, for two
 * things `next start` cannot do.
 *
 * - The client's address. Next passes a client-sent X-Forwarded-For through untouched, so a route
 *   cannot tell it from the socket's. This server puts the socket's address in x-kassa-peer-address
 *   (overwriting whatever a client sent under that name); lib/http/client-address.ts decides from it
 *   and KASSA_TRUSTED_PROXIES.
 * - Paths that do not decode. Next answers a bare text 500 for `/pay/%ff`; here a segment that is
 *   not valid percent-encoded UTF-8 has its `%` escaped, so the route sees the literal text and
 *   answers its own 404.
 * - The trailing-slash redirect. Next sends it before anything of Kassa's runs, with none of its
 *   headers, and for `/pay/{id}/?client_secret=…` (or an invitation link) that answer carries a
 *   secret; this server sends it instead, uncacheable and unreferred.
 */
import http from "node:http";
import next from "next";

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || undefined;

const app = next({ dev: false, port, hostname: hostname ?? "localhost" });
const handle = app.getRequestHandler();

/** The path with every segment that fails to decode escaped, so it decodes to itself; the query is left alone. */
export function decodablePath(url) {
  const queryAt = url.indexOf("?");
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const query = queryAt === -1 ? "" : url.slice(queryAt);
  const segments = path.split("/").map((segment) => {
    try {
      decodeURIComponent(segment);
      return segment;
    } catch {
      return segment.replace(/%/g, "%25");
    }
  });
  return segments.join("/") + query;
}

await app.prepare();
const server = http.createServer((request, response) => {
  request.headers["x-kassa-peer-address"] = request.socket.remoteAddress ?? "";
  request.url = decodablePath(request.url ?? "/");
  const queryAt = request.url.indexOf("?");
  const path = queryAt === -1 ? request.url : request.url.slice(0, queryAt);
  if (path.length > 1 && path.endsWith("/")) {
    response.writeHead(308, {
      // One leading slash: "//evil.example/" must not become a redirect to another host.
      location: `/${path.replace(/^\/+|\/+$/g, "")}${queryAt === -1 ? "" : request.url.slice(queryAt)}`,
      "cache-control": "no-store",
      "referrer-policy": "no-referrer",
      "x-content-type-options": "nosniff",
    });
    response.end();
    return;
  }
  handle(request, response);
});
server.listen(port, hostname, () => console.log(`[kassa] listening on ${hostname ?? "all interfaces"}, port ${port}`));

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
  });
}
