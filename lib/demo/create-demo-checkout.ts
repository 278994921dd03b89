import type { PaymentIntent } from "@/db/schema";
import type { Db } from "@/db/client";
import { findDemoMerchant } from "@/lib/accounts/demo";
import { publicUrl } from "@/lib/config/env";
import { AppError } from "@/lib/errors/app-error";
import { createIntent } from "@/lib/intents/create-intent";
import { DEMO_PRODUCTS, DEMO_SHIPPING } from "./products";
import { defaultDialect } from "@/lib/dialects/registry";

/**
 * What a merchant's server does when the buyer clicks "Pay": price the cart from its own catalogue
 * and create an intent. The demo store does it for the demo merchant.
 */
export async function createDemoCheckout(db: Db, productId: string, uiMode: "hosted" | "embedded"): Promise<PaymentIntent> {
  const merchant = await findDemoMerchant(db);
  if (!merchant) throw new AppError("not_found", "The demo merchant is not set up; start Kassa with KASSA_DEMO on.");
  const product = DEMO_PRODUCTS.find((candidate) => candidate.id === productId);
  if (!product) throw new AppError("parameter_invalid", `Unknown product ${productId}.`, { param: "product" });
  const orderId = `demo_${Date.now().toString(36)}`;
  return createIntent(
    db,
    merchant,
    {
      dialect: defaultDialect().name,
      amount: product.unitAmount + DEMO_SHIPPING,
      currency: "USD",
      description: `${product.name} · order ${orderId}`,
      referenceId: orderId,
      lineItems: [
        { name: product.name, quantity: 1, unitAmount: product.unitAmount },
        { name: "Shipping", quantity: 1, unitAmount: DEMO_SHIPPING },
      ],
      metadata: { source: "demo-store", product: product.id },
      uiMode,
      successUrl: `${publicUrl()}/demo/complete?order=${orderId}`,
      cancelUrl: `${publicUrl()}/demo?canceled=${orderId}`,
    },
    { type: "system" },
  );
}
