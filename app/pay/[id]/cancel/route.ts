import { getDb } from "@/db/client";
import { cancelCheckout } from "@/lib/checkout/cancel-checkout";
import { checkoutPagePath } from "@/lib/checkout/checkout-url";
import { cancelRedirect } from "@/lib/checkout/redirect-urls";
import { publicUrl } from "@/lib/config/env";
import { isAppError } from "@/lib/errors/app-error";

/**
 * The buyer's cancel button: a form post that cancels the intent and goes back to the merchant's
 * cancel_url, or answers JSON when the embedded checkout asks for it.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const clientSecret = String((await request.formData()).get("client_secret") ?? "");
  const wantsJson = request.headers.get("accept")?.includes("application/json");
  const page = new URL(checkoutPagePath(id, clientSecret), publicUrl()).toString();
  try {
    const intent = await cancelCheckout(await getDb(), id, clientSecret);
    if (wantsJson) return Response.json({ intent_id: intent.id, status: intent.status });
    return new Response(null, { status: 303, headers: { location: cancelRedirect(intent) ?? page } });
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (wantsJson) return Response.json({ error: { code: error.code, message: error.message } }, { status: error.status });
    // Already paid, expired or not this buyer's: the page explains, or 403s.
    return new Response(null, { status: 303, headers: { location: page } });
  }
}
