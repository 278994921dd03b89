import { sql } from "drizzle-orm";
import { events, paymentIntents, type Dialect, type LineItem, type Merchant, type Mode, type PaymentIntent } from "@/db/schema";
import type { Db } from "@/db/client";
import { fromRow } from "@/db/from-row";
import { queryRows } from "@/db/rows";
import { isUniqueViolation } from "@/db/errors";
import { randomBase62 } from "@/lib/crypto/tokens";
import { dialectDefinition } from "@/lib/dialects/registry";
import { actorLabel, type Actor } from "@/lib/events/record-event";
import { newId } from "@/lib/ids";
import { onAClock, onClockTime } from "@/lib/test-clocks/clock-context";
import { getTestClock } from "@/lib/test-clocks/get-test-clock";
import { assertLivePayable } from "./live-payable";
import { assertAboveMinimum } from "./minimum-amount";
import { referenceTaken, UNIQUE_REFERENCE_INDEX } from "./reference";

export const DEFAULT_EXPIRY_SECONDS = 3600;
export const MIN_EXPIRY_SECONDS = 10;
export const MAX_EXPIRY_SECONDS = 7 * 24 * 3600;

/** An intent in core terms: minor units, upper-case currency, already validated by a dialect. */
export type NewIntent = {
  dialect: Dialect;
  id?: string;
  amount: number;
  currency: string;
  taxAmount?: number;
  discountAmount?: number;
  description?: string | null;
  referenceId?: string | null;
  customerEmail?: string | null;
  customerName?: string | null;
  locale?: string | null;
  /** A renewal keeps what the first payment's buyer gave. */
  buyerEmail?: string | null;
  buyerLocale?: string | null;
  lineItems?: LineItem[];
  metadata?: Record<string, unknown>;
  dialectData?: Record<string, unknown>;
  uiMode?: "hosted" | "embedded";
  captureMethod?: "automatic" | "manual";
  successUrl?: string | null;
  cancelUrl?: string | null;
  expiresInSeconds?: number;
  checkoutId?: string | null;
  /** The payment link whose page made it. */
  paymentLinkId?: string | null;
  /** Makes the intent recurring: once paid, a subscription charges the card every N days. */
  recurringIntervalDays?: number | null;
  /** For a renewal: the subscription and period it bills. */
  subscriptionId?: string | null;
  subscriptionPeriod?: number | null;
  /** The test clock it lives on (test mode only, checked by the caller): created, and expiring, on the clock's time. */
  testClockId?: string | null;
};

/** The merchant an intent is for; with its minimum amounts when the caller already has them (an API key's merchant does). */
export type IntentOwner = Pick<Merchant, "id"> & Partial<Pick<Merchant, "minimumAmounts">> & { mode?: Mode };

/**
 * Creates an intent and its `payment.created` audit event in one statement: one round trip, and
 * atomic without a transaction. `payment.created` is never sent by webhook, so there is nothing to
 * queue. A dialect's reference_id that it declares unique per merchant is held by an index, which also
 * settles racing creates.
 */
export async function createIntent(db: Db, merchant: IntentOwner, input: NewIntent, actor: Actor): Promise<PaymentIntent> {
  if (input.testClockId && !onAClock()) {
    // Made on a test clock: created, and expiring, on the clock's time.
    const clock = await getTestClock(db, { merchantId: merchant.id, mode: merchant.mode ?? "test" }, input.testClockId, "test_clock");
    return onClockTime(db, clock.frozenTime, (tx) => createIntent(tx, merchant, input, actor));
  }
  if (!input.subscriptionId) await assertAboveMinimum(db, merchant, input.amount, input.currency);
  // A renewal is charged to the saved card of a subscription the acquirer already paid for.
  if (merchant.mode === "live" && !input.subscriptionId) await assertLivePayable(db, merchant.id, input);
  const dialect = dialectDefinition(input.dialect);
  const id = input.id ?? dialect.newIntentId();
  const expiresIn = input.expiresInSeconds ?? DEFAULT_EXPIRY_SECONDS;
  // Written out rather than built by drizzle's insert builder: this is the API's hottest statement,
  // and building a 40-column insert and its RETURNING on every request cost more than running it.
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`
      with intent as (
        insert into ${paymentIntents} (
          id, merchant_id, mode, dialect, api_key_id, amount, currency, tax_amount, discount_amount, description,
          reference_id, reference_unique, customer_email, customer_name, locale, buyer_email, buyer_locale, line_items, metadata, dialect_data, ui_mode, capture_method,
          checkout_id, payment_link_id, recurring_interval_days, subscription_id, subscription_period, test_clock_id, success_url, cancel_url,
          client_secret, created_at, updated_at, expires_at)
        values (
          ${id}, ${merchant.id}, ${merchant.mode ?? "test"}, ${input.dialect}, ${actor.type === "api_key" ? actor.id : null}, ${input.amount},
          ${input.currency.toUpperCase()}, ${input.taxAmount ?? 0}, ${input.discountAmount ?? 0}, ${input.description ?? null},
          ${input.referenceId ?? null}, ${Boolean(dialect.uniqueReferences && input.referenceId)}, ${input.customerEmail ?? null}, ${input.customerName ?? null},
          ${input.locale ?? null}, ${input.buyerEmail ?? null}, ${input.buyerLocale ?? null}, ${JSON.stringify(input.lineItems ?? [])}::jsonb, ${JSON.stringify(input.metadata ?? {})}::jsonb,
          ${JSON.stringify(input.dialectData ?? {})}::jsonb, ${input.uiMode ?? "hosted"}, ${input.captureMethod ?? "automatic"},
          ${input.checkoutId ?? null}, ${input.paymentLinkId ?? null}, ${input.recurringIntervalDays ?? null}, ${input.subscriptionId ?? null},
          ${input.subscriptionPeriod ?? null}, ${input.testClockId ?? null}, ${input.successUrl ?? null}, ${input.cancelUrl ?? null},
          ${dialect.newClientSecret?.(id) ?? `${id}_secret_${randomBase62(24)}`},
          -- Database time (a test clock's, when one runs this), so every instance agrees on when an intent expires.
          kassa_now(), kassa_now(), kassa_now() + make_interval(secs => ${expiresIn}))
        returning *
      ),
      audit as (
        insert into ${events} (id, merchant_id, mode, type, intent_id, actor, data, created_at)
        select ${newId("evt")}, merchant_id, mode, 'payment.created', id, ${actorLabel(actor)},
               jsonb_build_object('object', to_jsonb(intent) - 'client_secret'), created_at
        from intent
      )
      select * from intent`,
  ).catch((error: unknown) => {
    if (isUniqueViolation(error, UNIQUE_REFERENCE_INDEX)) throw referenceTaken(input.referenceId!);
    throw error;
  });
  return fromRow(paymentIntents, row!);
}
