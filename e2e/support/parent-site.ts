import http from "node:http";
import type { AddressInfo } from "node:net";

export type MerchantSite = { origin: string; close: () => Promise<void> };

/**
 * The merchant's own website, on its own origin: `/frame?checkout=…` frames a checkout and records
 * every message it receives with the seed's listener (seed 001); `/kassa-js?kassa=…&checkout=…&mode=…`
 * uses Kassa's embed script instead, inline or in its modal, and lists each outcome and callback;
 * any other path is a plain page to land on after a redirect.
 */
export async function startMerchantSite(): Promise<MerchantSite> {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    response.setHeader("content-type", "text/html; charset=utf-8");
    if (url.pathname === "/kassa-js") {
      response.end(kassaJsPage(url));
      return;
    }
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

/** A merchant's page that embeds a checkout with kassa.js, as the README tells merchants to. */
function kassaJsPage(url: URL): string {
  const kassa = url.searchParams.get("kassa") ?? "";
  const checkout = url.searchParams.get("checkout") ?? "";
  const mode = url.searchParams.get("mode") === "modal" ? "modal" : "inline";
  return `<!doctype html>
<html lang="en"><head><title>Merchant shop</title><script src="${kassa}/kassa.js"></script></head>
<body>
  <h1>Merchant shop</h1>
  <button id="pay" type="button">Pay now</button>
  <div id="checkout"></div>
  <ol id="outcomes"></ol>
  <script>
    function log(kind, value) {
      var item = document.createElement("li");
      item.textContent = JSON.stringify({ kind: kind, value: value });
      document.getElementById("outcomes").appendChild(item);
    }
    var options = {
      onSuccess: function (event) { log("onSuccess", event.status); },
      onFailure: function (event) { log("onFailure", event.attempts_left); },
      onCancel: function () { log("onCancel", null); },
    };
    var checkoutUrl = ${JSON.stringify(checkout)};
    function start() {
      var handle = ${JSON.stringify(mode)} === "modal" ? Kassa.open(checkoutUrl, options) : Kassa.mount(document.getElementById("checkout"), checkoutUrl, options);
      handle.then(function (outcome) { log("outcome", outcome.status); });
    }
    document.getElementById("pay").addEventListener("click", start);
  </script>
</body></html>`;
}
