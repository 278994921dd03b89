import { eq } from "drizzle-orm";
import { merchants, paymentIntents } from "@/db/schema";
import type { Db } from "@/db/client";

/** What a checkout page may do beyond itself: who may frame it, and where its forms may lead. */
export type CheckoutPolicy = { frameAncestors: string[]; formTargets: string[] };

const NOBODY: CheckoutPolicy = { frameAncestors: [], formTargets: [] };

/**
 * For an intent's checkout: no framing for a redirect-mode intent, the merchant's allowed origins
 * (and Kassa itself) for an embedded one; and the origins of the merchant's success and cancel
 * URLs, where the page's form posts end up after their redirect.
 */
export async function checkoutPolicy(db: Db, intentId: string): Promise<CheckoutPolicy> {
  const [row] = await db
    .select({ uiMode: paymentIntents.uiMode, allowedOrigins: merchants.allowedOrigins, successUrl: paymentIntents.successUrl, cancelUrl: paymentIntents.cancelUrl })
    .from(paymentIntents)
    .innerJoin(merchants, eq(merchants.id, paymentIntents.merchantId))
    .where(eq(paymentIntents.id, intentId));
  if (!row) return NOBODY;
  const origins = [row.successUrl, row.cancelUrl].flatMap((url) => (url ? [new URL(url).origin] : []));
  return {
    frameAncestors: row.uiMode === "embedded" ? ["'self'", ...row.allowedOrigins] : [],
    formTargets: [...new Set(origins)],
  };
}

/**
 * The checkout's Content-Security-Policy (PCI DSS 4.0 6.4.3): scripts only from Kassa itself and
 * with this response's nonce, never inline or eval'd; nothing framed but by the policy's ancestors;
 * forms only to Kassa and the merchant's return origins; no <base>, no plugins.
 */
export function checkoutContentSecurityPolicy(policy: CheckoutPolicy, nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "font-src 'self'",
    "connect-src 'self'",
    `form-action ${["'self'", ...policy.formTargets].join(" ")}`,
    `frame-ancestors ${policy.frameAncestors.length > 0 ? policy.frameAncestors.join(" ") : "'none'"}`,
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}
