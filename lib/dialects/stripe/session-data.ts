import type { PaymentIntent } from "@/db/schema";

/** A price as a Checkout Session's line item carries it: a stored Price, or one made inline from price_data. */
export type SessionPrice = {
  id: string;
  product: string;
  product_name: string;
  product_description: string | null;
  unit_amount: number;
  currency: string;
  recurring: { interval: "day" | "week" | "month" | "year"; interval_count: number } | null;
};

export type SessionLineItem = { price: SessionPrice; quantity: number };

/**
 * What a Checkout Session says beyond the intent it is, kept in the intent's dialect data under
 * `checkout_session`: the intent carries the money, the buyer's way back and the state; this carries
 * the words Stripe's integrations read back.
 */
export type SessionData = {
  mode: "payment" | "subscription";
  ui_mode: "hosted" | "embedded";
  success_url: string | null;
  cancel_url: string | null;
  return_url: string | null;
  client_reference_id: string | null;
  customer: string | null;
  customer_email: string | null;
  locale: string | null;
  metadata: Record<string, string>;
  line_items: SessionLineItem[];
};

/** The PaymentIntent's own fields that Kassa's intent has no column for. */
export type IntentData = {
  checkout_session?: SessionData;
  /** A payment method given before confirming (status requires_confirmation until then). */
  payment_method?: string | null;
  customer?: string | null;
  return_url?: string | null;
};

export const intentData = (intent: Pick<PaymentIntent, "dialectData">) => intent.dialectData as IntentData;
export const sessionOf = (intent: Pick<PaymentIntent, "dialectData">): SessionData | null => intentData(intent).checkout_session ?? null;
