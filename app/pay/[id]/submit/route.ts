import { getDb } from "@/db/client";
import { submitCheckoutForm } from "@/lib/checkout/submit-checkout-form";
import { publicUrl } from "@/lib/config/env";

/** The card form's plain HTML post, for buyers without JavaScript. Always answers with a 303. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const form = await request.formData();
  const field = (name: string) => String(form.get(name) ?? "");
  const location = await submitCheckoutForm(await getDb(), {
    intentId: id,
    clientSecret: field("client_secret"),
    submissionKey: field("submission_key") || crypto.randomUUID(),
    number: field("number"),
    expiry: field("expiry"),
    cvc: field("cvc"),
    name: field("name"),
  });
  return new Response(null, { status: 303, headers: { location: new URL(location, publicUrl()).toString() } });
}
