import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import type { RouteHandler } from "@/lib/http/route-methods";

/**
 * Route handlers behind a real HTTP server on a free port, for clients that only speak HTTP (an SDK
 * with a host and a port): each request becomes the Request a Next route handler gets, on the tests'
 * own database.
 */
export async function serveRoutes(handler: RouteHandler) {
  const server = http.createServer(async (incoming, outgoing) => {
    try {
      const url = `http://${incoming.headers.host ?? "127.0.0.1"}${incoming.url ?? "/"}`;
      const method = incoming.method ?? "GET";
      const headers = new Headers(Object.entries(incoming.headers).flatMap(([name, value]) => (value === undefined ? [] : [[name, String(value)] as [string, string]])));
      const body = method === "GET" || method === "HEAD" ? undefined : (Readable.toWeb(incoming) as ReadableStream);
      const request = new Request(url, { method, headers, body, duplex: "half" } as RequestInit);
      const response = await handler(request, { params: Promise.resolve({}) });
      outgoing.writeHead(response.status, Object.fromEntries(response.headers));
      outgoing.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      outgoing.writeHead(500, { "content-type": "text/plain" });
      outgoing.end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
