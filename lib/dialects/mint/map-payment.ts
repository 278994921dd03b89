import type { z } from "zod";
import type { Db } from "@/db/client";
import { defaultCheckout, getCheckoutConfig } from "@/lib/accounts/checkouts";
import { AppError, isAppError } from "@/lib/errors/app-error";
import type { NewIntent } from "@/lib/intents/create-intent";
import type { createPaymentBody } from "./schemas";
import { type Owner } from "@/db/owner";

/** A mint payment in core terms, branded by the checkout it names (or the merchant's default). */
export async function toNewIntent(db: Db, owner: Owner, body: z.infer<typeof createPaymentBody>): Promise<NewIntent> {
  const checkout = body.checkout_id ? await namedCheckout(db, owner, body.checkout_id) : await defaultCheckout(db, owner);
  return {
    dialect: "mint",
    amount: body.minor.amount,
    currency: body.currency,
    description: body.description ?? null,
    locale: body.locale ?? null,
    referenceId: body.order_id ?? null,
    lineItems: (body.line_items ?? []).map((item, index) => ({ name: item.name, quantity: item.quantity, unitAmount: body.minor.prices[index]! })),
    metadata: body.metadata ?? {},
    dialectData: { order_id: body.order_id ?? null, customer_id: body.customer_id ?? null },
    checkoutId: checkout.id,
    // The seed has one return_url for when the flow completes, paid or not.
    successUrl: body.return_url ?? null,
    cancelUrl: body.return_url ?? null,
    expiresInSeconds: body.expires_in,
  };
}

async function namedCheckout(db: Db, owner: Owner, checkoutId: string) {
  try {
    return await getCheckoutConfig(db, owner, checkoutId);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") {
      throw new AppError("parameter_invalid", `No such checkout: '${checkoutId}'`, { param: "checkout_id" });
    }
    throw error;
  }
}
