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
 * - Headers too large. Node's own answer is an empty 431 (and Next would take up to Node's limit). Here
 *   Node reads up to 64 KB, a head over 16 KB is answered by /kassa-internal/header-overflow in the
 *   JSON envelope of the dialect that owns the path, and one over 64 KB gets that same answer when its
 *   request line can still be read.
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

/** Kassa's limit on a request head (lib/http/header-overflow.ts); Node parses up to four times as much. */
const MAX_HEADER_BYTES = 16 * 1024;
const NODE_MAX_HEADER_BYTES = 64 * 1024;
const OVERFLOW_ROUTE = "/kassa-internal/header-overflow";

function headBytes(request) {
  let total = request.method.length + request.url.length + 12;
  for (const part of request.rawHeaders) total += part.length + 2;
  return total;
}

/** The path a request line asks for, from the bytes Node was given, or "/". */
function pathOf(rawPacket) {
  const line = rawPacket ? rawPacket.subarray(0, 8192).toString("latin1").split("\r\n")[0] : "";
  const target = /^[A-Z]+ (\S+) HTTP\/1\.[01]$/.exec(line)?.[1] ?? "/";
  return target.split("?")[0] || "/";
}

await app.prepare();
const server = http.createServer({ maxHeaderSize: NODE_MAX_HEADER_BYTES }, (request, response) => {
  if (headBytes(request) > MAX_HEADER_BYTES) {
    // Answered in the path's envelope, from a request with none of the oversized headers left.
    const path = request.url.split("?")[0];
    request.headers = { host: request.headers.host ?? "localhost" };
    request.method = "GET";
    request.url = `${OVERFLOW_ROUTE}?path=${encodeURIComponent(path)}`;
    handle(request, response);
    return;
  }
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
/** A head past even Node's limit: the same JSON 431, fetched from the overflow route, instead of Node's empty one. */
server.on("clientError", (error, socket) => {
  if (error.code !== "HPE_HEADER_OVERFLOW" || !socket.writable) {
    if (socket.writable && error.code !== "ECONNRESET") socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
    else socket.destroy();
    return;
  }
  const { port: own } = server.address();
  fetch(`http://127.0.0.1:${own}${OVERFLOW_ROUTE}?path=${encodeURIComponent(pathOf(error.rawPacket))}`)
    .then(async (answer) => {
      const body = await answer.text();
      const type = answer.headers.get("content-type") ?? "application/json; charset=utf-8";
      socket.end(`HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`);
    })
    .catch(() => socket.end("HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
});

server.listen(port, hostname, () => console.log(`[kassa] listening on ${hostname ?? "all interfaces"}, port ${port}`));

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
  });
}
