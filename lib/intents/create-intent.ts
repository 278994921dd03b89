import { sql } from "drizzle-orm";
import { paymentIntents, type Dialect, type LineItem, type PaymentIntent } from "@/db/schema";
import type { Db } from "@/db/client";
import { randomBase62 } from "@/lib/crypto/tokens";
import { recordEvent, type Actor } from "@/lib/events/record-event";
import { dialectDefinition } from "@/lib/dialects/registry";
import { assertAboveMinimum } from "./minimum-amount";
import { assertReferenceFree, referenceTaken } from "./reference";
import { isUniqueViolation } from "@/db/errors";

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
  lineItems?: LineItem[];
  metadata?: Record<string, unknown>;
  dialectData?: Record<string, unknown>;
  uiMode?: "hosted" | "embedded";
  captureMethod?: "automatic" | "manual";
  successUrl?: string | null;
  cancelUrl?: string | null;
  expiresInSeconds?: number;
  checkoutId?: string | null;
  /** Makes the intent recurring: once paid, a subscription charges the card every N days. */
  recurringIntervalDays?: number | null;
  /** For a renewal: the subscription and period it bills. */
  subscriptionId?: string | null;
  subscriptionPeriod?: number | null;
};

export async function createIntent(db: Db, merchantId: string, input: NewIntent, actor: Actor): Promise<PaymentIntent> {
  const dialect = dialectDefinition(input.dialect);
  const id = input.id ?? dialect.newIntentId();
  const expiresIn = input.expiresInSeconds ?? DEFAULT_EXPIRY_SECONDS;
  return db.transaction(async (tx) => {
    if (!input.subscriptionId) await assertAboveMinimum(tx, merchantId, input.amount, input.currency);
    if (input.dialect === "mintro" && input.referenceId) await assertReferenceFree(tx, merchantId, input.referenceId);
    const [intent] = await tx
      .insert(paymentIntents)
      .values({
        id,
        merchantId,
        dialect: input.dialect,
        amount: input.amount,
        currency: input.currency.toUpperCase(),
        taxAmount: input.taxAmount ?? 0,
        discountAmount: input.discountAmount ?? 0,
        description: input.description ?? null,
        referenceId: input.referenceId ?? null,
        customerEmail: input.customerEmail ?? null,
        customerName: input.customerName ?? null,
        lineItems: input.lineItems ?? [],
        metadata: input.metadata ?? {},
        dialectData: input.dialectData ?? {},
        uiMode: input.uiMode ?? "hosted",
        captureMethod: input.captureMethod ?? "automatic",
        checkoutId: input.checkoutId ?? null,
        recurringIntervalDays: input.recurringIntervalDays ?? null,
        subscriptionId: input.subscriptionId ?? null,
        subscriptionPeriod: input.subscriptionPeriod ?? null,
        successUrl: input.successUrl ?? null,
        cancelUrl: input.cancelUrl ?? null,
        clientSecret: dialect.newClientSecret?.(id) ?? `${id}_secret_${randomBase62(24)}`,
        apiKeyId: actor.type === "api_key" ? actor.id : null,
        // Database time, so every instance agrees on when an intent expires.
        expiresAt: sql`now() + make_interval(secs => ${expiresIn})` as unknown as Date,
      })
      .returning()
      .catch((error: unknown) => {
        if (isUniqueViolation(error, "payment_intents_mintro_reference_key")) throw referenceTaken(input.referenceId!);
        throw error;
      });
    await recordEvent(tx, { merchantId, type: "payment.created", intent: intent!, actor });
    return intent!;
  });
}
