import { checkoutAssets } from "@/components/checkout/checkout-assets";
import { Html, html } from "@/lib/html/html";
import type { ReferenceDefinition } from "@/lib/openapi/build-document";

/** The first operation with a request example: the call a newcomer makes first in this dialect. */
function firstCall(reference: ReferenceDefinition) {
  const entry = Object.entries(reference.operations).find(([, note]) => note.requestExample);
  if (!entry) return null;
  const [key, note] = entry;
  const [method, path] = key.split(" ") as [string, string];
  return { method, path, note };
}

/** A nested example as form fields, the way Stripe's SDKs send it: line_items[0][quantity]=1. */
function formFields(value: Record<string, unknown>, prefix = ""): [string, string][] {
  return Object.entries(value).flatMap(([key, child]) => {
    const name = prefix ? `${prefix}[${key}]` : key;
    return child && typeof child === "object" ? formFields(child as Record<string, unknown>, name) : [[name, String(child)] as [string, string]];
  });
}

function curl(reference: ReferenceDefinition, origin: string): Html | null {
  const call = firstCall(reference);
  if (!call) return null;
  const scheme = Object.values(reference.security)[0]?.scheme as { type?: string; name?: string } | undefined;
  const header = scheme?.type === "apiKey" ? `${scheme.name}: sk_test_…` : "Authorization: Bearer sk_test_…";
  const extra = (reference.companionHeaders ?? []).map((line) => ` \\\n  -H '${line}'`).join("");
  const body =
    reference.bodyMediaType === "application/x-www-form-urlencoded"
      ? formFields(call.note.requestExample ?? {}).map(([name, value]) => ` \\\n  -d '${name}=${value}'`).join("")
      : ` \\\n  -H 'Content-Type: application/json' \\\n  -d '${JSON.stringify(call.note.requestExample, null, 2)}'`;
  const command = `curl -X ${call.method} ${origin}${call.path} \\\n  -H '${header}'${extra}${body}`;
  const answer = call.note.example?.();
  return html`<section aria-labelledby="first-call" class="mx-auto max-w-5xl px-4 sm:px-6">
  <h2 id="first-call" class="text-lg font-semibold text-slate-900">${call.note.summary}: a first call</h2>
  <div class="mt-3 grid gap-4 lg:grid-cols-2">
    <div class="min-w-0"><p class="mb-1 text-sm font-medium text-slate-700">Request</p><pre class="overflow-x-auto rounded-lg bg-slate-900 p-4 text-xs text-slate-100"><code class="text-slate-100">${command}</code></pre></div>
    <div class="min-w-0"><p class="mb-1 text-sm font-medium text-slate-700">Answer (${String(call.note.status ?? 200)})</p><pre class="max-h-96 overflow-auto rounded-lg bg-slate-900 p-4 text-xs text-slate-100"><code class="text-slate-100">${JSON.stringify(answer, null, 2)}</code></pre></div>
  </div>
</section>`;
}

/**
 * /docs: one dialect's API reference at a time, chosen by the tabs; a first call with its answer,
 * then the whole OpenAPI document (routes, fields and limits, errors, webhooks) in Swagger UI.
 */
export function renderDocsPage(references: readonly ReferenceDefinition[], current: ReferenceDefinition, origin: string, nonce: string): string {
  const assets = checkoutAssets();
  const tabs = references.map(
    (reference) =>
      html`<li><a href="/docs?api=${reference.dialect}" class="inline-block whitespace-nowrap border-b-2 px-1 pb-3 text-sm font-medium ${reference === current ? "border-indigo-600 text-indigo-800" : "border-transparent text-slate-600 hover:text-slate-900"}"${reference === current ? html` aria-current="page"` : ""}>${reference.dialect}</a></li>`,
  );
  const init = `window.addEventListener("load",function(){SwaggerUIBundle({url:${JSON.stringify(`/api/openapi/${current.dialect}.json`)},dom_id:"#reference",deepLinking:true,defaultModelsExpandDepth:0,docExpansion:"list",validatorUrl:null})})`;
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${current.title} · Kassa API reference</title>
<link rel="icon" href="/icon.svg">
<link rel="stylesheet" href="${assets.style.href}" integrity="${assets.style.integrity}">
<link rel="stylesheet" href="/docs/swagger-ui.css">
</head>
<body class="bg-white font-sans">
<header class="mx-auto max-w-5xl px-4 pt-8 sm:px-6">
  <p class="text-sm font-semibold text-indigo-700"><a href="/">Kassa</a> · API reference</p>
  <h1 class="mt-1 text-2xl font-semibold text-slate-900">${current.title}</h1>
  <p class="mt-2 max-w-3xl text-slate-700">${current.description}</p>
  <p class="mt-2 text-sm text-slate-600">The OpenAPI 3.1 document: <a class="text-indigo-700 underline" href="/api/openapi/${current.dialect}.json">/api/openapi/${current.dialect}.json</a></p>
  <nav aria-label="Dialects" class="mt-6 border-b border-slate-200"><ul class="-mb-px flex gap-4 overflow-x-auto">${tabs}</ul></nav>
</header>
<main class="py-6">
${curl(current, origin)}
<div id="reference" class="mx-auto max-w-5xl"></div>
<noscript><p class="mx-auto max-w-5xl px-4 text-slate-700">The interactive reference needs JavaScript; the OpenAPI document above has everything in it.</p></noscript>
</main>
<script src="/docs/swagger-ui-bundle.js"></script>
<script nonce="${nonce}">${new Html(init)}</script>
</body>
</html>`.value;
}
