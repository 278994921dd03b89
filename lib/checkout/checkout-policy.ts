import type { Merchant, PaymentIntent } from "@/db/schema";

/** What a checkout page may do beyond itself: who may frame it, and where its forms may lead. */
export type CheckoutPolicy = { frameAncestors: string[]; formTargets: string[] };

/** An unknown or unreadable intent's page: framed by nobody, its forms going nowhere but Kassa. */
export const NOBODY: CheckoutPolicy = { frameAncestors: [], formTargets: [] };

/**
 * For an intent's checkout: no framing for a redirect-mode intent, the merchant's allowed origins
 * (and Kassa itself) for an embedded one; and the origins of the merchant's success and cancel
 * URLs, where the page's form posts end up after their redirect.
 */
export function checkoutPolicy(intent: Pick<PaymentIntent, "uiMode" | "successUrl" | "cancelUrl">, merchant: Pick<Merchant, "allowedOrigins">): CheckoutPolicy {
  const origins = [intent.successUrl, intent.cancelUrl].flatMap((url) => (url ? [new URL(url).origin] : []));
  return {
    frameAncestors: intent.uiMode === "embedded" ? ["'self'", ...merchant.allowedOrigins] : [],
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

/** A fresh nonce for one response's scripts. */
export function newScriptNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
}

/**
 * The headers of every checkout page: its policy, and no caching, sniffing or referrer for a URL
 * that carries a client secret. X-Frame-Options too for pages nobody may frame, for old browsers.
 */
export function checkoutPageHeaders(policy: CheckoutPolicy, nonce: string): Record<string, string> {
  return {
    "content-type": "text/html; charset=utf-8",
    "content-security-policy": checkoutContentSecurityPolicy(policy, nonce),
    ...(policy.frameAncestors.length === 0 ? { "x-frame-options": "DENY" } : {}),
    ...SECRET_URL_HEADERS,
  };
}

/** For any answer to a URL or form that carries a client secret. */
export const SECRET_URL_HEADERS = { "x-content-type-options": "nosniff", "referrer-policy": "no-referrer", "cache-control": "no-store" } as const;
