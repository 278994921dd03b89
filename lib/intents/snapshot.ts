import type { PaymentIntent } from "@/db/schema";

/** The intent as plain JSON for the audit trail: what it looked like right after the change. */
export function intentSnapshot(intent: PaymentIntent): Record<string, unknown> {
  const { clientSecret: _secret, ...rest } = intent;
  return JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
}
