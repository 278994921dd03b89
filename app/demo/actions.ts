"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { checkoutUrl } from "@/lib/checkout/checkout-url";
import { createDemoCheckout } from "@/lib/demo/create-demo-checkout";

/** Redirect flow: create the intent on the server, then send the buyer to its checkout_url. */
export async function payWithRedirect(formData: FormData): Promise<void> {
  const intent = await createDemoCheckout(await getDb(), String(formData.get("product")), "hosted");
  redirect(checkoutUrl(intent));
}

/** Embedded flow: the page frames the checkout_url this returns. */
export async function startEmbeddedCheckout(productId: string): Promise<{ checkoutUrl: string; intentId: string }> {
  const intent = await createDemoCheckout(await getDb(), productId, "embedded");
  return { checkoutUrl: checkoutUrl(intent), intentId: intent.id };
}
