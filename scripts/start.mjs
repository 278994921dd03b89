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
 * - One JSON log line per request, and its metrics: the request id (a trusted proxy's X-Request-Id,
 *   or a new one, returned as Request-Id and X-Request-Id), the method, the route it was served by
 *   (never the raw path), status, duration, and the merchant and dialect when the app names them in
 *   x-kassa-* response headers, which are taken off before the answer leaves. Nothing of a request's
 *   body, keys or query is logged.
 * - The trailing-slash redirect. Next sends it before anything of Kassa's runs, with none of its
 *   headers, and for `/pay/{id}/?client_secret=…` (or an invitation link) that answer carries a
 *   secret; this server sends it instead, uncacheable and unreferred.
 */
import { randomBytes } from "node:crypto";
import http from "node:http";
import next from "next";
import pino from "pino";
import client from "prom-client";

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

const log = pino({
  level: process.env.KASSA_LOG_LEVEL || "info",
  base: { service: "kassa" },
  timestamp: pino.stdTimeFunctions.isoTime,
  messageKey: "msg",
});

/** The same registry the app adds its metrics to (lib/observability/metrics.ts); made once per process. */
const register = client.register;
const requestsTotal =
  register.getSingleMetric("kassa_http_requests_total") ??
  new client.Counter({ name: "kassa_http_requests_total", help: "HTTP requests answered, by route, method and status.", labelNames: ["route", "method", "status"] });
const requestSeconds =
  register.getSingleMetric("kassa_http_request_duration_seconds") ??
  new client.Histogram({
    name: "kassa_http_request_duration_seconds",
    help: "Time to answer an HTTP request, by route and method.",
    labelNames: ["route", "method"],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  });

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const INTERNAL = ["x-kassa-route", "x-kassa-merchant", "x-kassa-dialect"];
const trustedProxies = Number(process.env.KASSA_TRUSTED_PROXIES ?? 0) > 0;

/** A proxy Kassa trusts (KASSA_TRUSTED_PROXIES) may name the request; otherwise Kassa does. */
function requestIdOf(request) {
  const given = request.headers["x-request-id"];
  if (trustedProxies && typeof given === "string" && REQUEST_ID.test(given)) return given;
  return `req_${randomBytes(12).toString("base64url")}`;
}

/** Paths no route names (pages, assets): a label per area, so labels stay few. */
function areaOf(path) {
  if (path.startsWith("/_next/")) return "/_next/*";
  const [, first, second] = path.split("/");
  if (!first) return "/";
  // A file at the root (/icon.svg, /kassa.js) is one page, not an area.
  return second === undefined ? `/${first}` : `/${first}/*`;
}

/**
 * Labels the request, takes the app's x-kassa-* headers off the answer before it is sent, and writes
 * the request's log line and metrics once it is done.
 */
function observe(request, response, requestId) {
  const started = process.hrtime.bigint();
  const seen = {};
  const writeHead = response.writeHead;
  response.writeHead = function (...args) {
    for (const name of INTERNAL) {
      seen[name] = response.getHeader(name);
      response.removeHeader(name);
    }
    return writeHead.apply(this, args);
  };
  response.setHeader("request-id", requestId);
  response.setHeader("x-request-id", requestId);
  response.on("finish", () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const path = (request.url ?? "/").split("?")[0];
    const route = typeof seen["x-kassa-route"] === "string" ? seen["x-kassa-route"] : areaOf(path);
    const method = request.method ?? "GET";
    requestsTotal.inc({ route, method, status: String(response.statusCode) });
    requestSeconds.observe({ route, method }, seconds);
    log.info(
      {
        request_id: requestId,
        method,
        route,
        status: response.statusCode,
        duration_ms: Math.round(seconds * 100_000) / 100,
        ...(seen["x-kassa-merchant"] ? { merchant_id: seen["x-kassa-merchant"] } : {}),
        ...(seen["x-kassa-dialect"] ? { dialect: seen["x-kassa-dialect"] } : {}),
      },
      "request",
    );
  });
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
  const requestId = requestIdOf(request);
  // Whatever a client sent under the name, the app reads this server's choice.
  request.headers["x-kassa-request-id"] = requestId;
  observe(request, response, requestId);
  if (headBytes(request) > MAX_HEADER_BYTES) {
    // Answered in the path's envelope, from a request with none of the oversized headers left.
    const path = request.url.split("?")[0];
    request.headers = { host: request.headers.host ?? "localhost", "x-kassa-request-id": requestId };
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
  log.warn({ method: "unknown", route: pathOf(error.rawPacket), status: 431 }, "request headers larger than Node reads");
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
