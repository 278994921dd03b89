export type CheckoutEvent = "payment.started" | "payment.success" | "payment.failed" | "payment.canceled" | "error" | "resize" | "escape";

export type EmbedTarget = { intentId: string; referenceId: string | null; allowedOrigins: string[] };

/**
 * Tells the merchant's page what happened, in seed 001's shape, and only if that page's origin is
 * one the merchant allowed: a checkout framed by anyone else says nothing.
 */
export function postToParent(target: EmbedTarget, event: CheckoutEvent, fields: Record<string, unknown>): void {
  if (window.parent === window) return;
  const payload = { event, ...(event === "error" ? { type: "error" } : {}), ...fields, intent_id: target.intentId, client_reference_id: target.referenceId };
  for (const origin of parentOrigins(target.allowedOrigins)) window.parent.postMessage(payload, origin);
}

function parentOrigins(allowed: string[]): string[] {
  const ancestors = window.location.ancestorOrigins;
  const parent = ancestors && ancestors.length > 0 ? ancestors[0] : referrerOrigin();
  if (parent) return allowed.includes(parent) ? [parent] : [];
  return allowed;
}

function referrerOrigin(): string | null {
  try {
    return document.referrer ? new URL(document.referrer).origin : null;
  } catch {
    return null;
  }
}
