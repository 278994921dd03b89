import http from "node:http";
import type { AddressInfo } from "node:net";

export type MerchantSite = { origin: string; close: () => Promise<void> };

/**
 * The merchant's own website, on its own origin: `/frame?checkout=…` frames a checkout and records
 * every message it receives with the seed's listener (seed 001); any other path is a plain page to
 * land on after a redirect.
 */
export async function startMerchantSite(): Promise<MerchantSite> {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    response.setHeader("content-type", "text/html; charset=utf-8");
    if (url.pathname !== "/frame") {
      response.end(`<!doctype html><title>Merchant</title><h1>Back at the merchant</h1>`);
      return;
    }
    response.end(`<!doctype html>
<html><head><title>Merchant shop</title></head>
<body>
  <h1>Merchant shop</h1>
  <ol id="events"></ol>
  <script>
    window.addEventListener("message", function (event) {
      var item = document.createElement("li");
      item.textContent = JSON.stringify({ origin: event.origin, data: event.data });
      document.getElementById("events").appendChild(item);
    });
    var frame = document.createElement("iframe");
    frame.title = "Checkout";
    frame.style.width = "480px";
    frame.style.height = "760px";
    frame.src = ${JSON.stringify(url.searchParams.get("checkout") ?? "")};
    document.body.appendChild(frame);
  </script>
</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
