import { renderDocsPage } from "@/components/docs/docs-page";
import { checkoutPageHeaders, newScriptNonce, NOBODY } from "@/lib/checkout/checkout-policy";
import { publicUrl } from "@/lib/config/env";
import { API_REFERENCES } from "@/lib/openapi/references";

/** /docs?api={dialect}: the API reference of one dialect (native unless asked). */
export async function GET(request: Request): Promise<Response> {
  const asked = new URL(request.url).searchParams.get("api");
  const current = API_REFERENCES.find((reference) => reference.dialect === asked) ?? API_REFERENCES[0]!;
  const nonce = newScriptNonce();
  const headers = { ...checkoutPageHeaders(NOBODY, nonce), "cache-control": "no-cache" };
  return new Response(renderDocsPage(API_REFERENCES, current, publicUrl(), nonce), { status: asked && current.dialect !== asked ? 404 : 200, headers });
}
