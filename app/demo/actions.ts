"use server";

import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { checkoutUrl } from "@/lib/checkout/checkout-url";
import { createDemoCheckout } from "@/lib/demo/create-demo-checkout";
import { isAppError } from "@/lib/errors/app-error";
import { formDataOf } from "@/app/_server/form-data";

/** Redirect flow: create the intent on the server, then send the buyer to its checkout_url. */
export async function payWithRedirect(formData: FormData): Promise<void> {
  formData = formDataOf(formData);
  const intent = await demoCheckout(String(formData.get("product") ?? ""), "hosted");
  redirect(checkoutUrl(intent));
}

/** Embedded flow: the page frames the checkout_url this returns. */
export async function startEmbeddedCheckout(productId: string): Promise<{ checkoutUrl: string; intentId: string }> {
  if (typeof productId !== "string") notFound();
  const intent = await demoCheckout(productId, "embedded");
  return { checkoutUrl: checkoutUrl(intent), intentId: intent.id };
}

/** The demo's checkout, or a 404 for a product the store does not sell (a hand-made call), never a 500. */
async function demoCheckout(productId: string, mode: "hosted" | "embedded") {
  try {
    return await createDemoCheckout(await getDb(), productId, mode);
  } catch (error) {
    if (isAppError(error) && error.status < 500) notFound();
    throw error;
  }
}
