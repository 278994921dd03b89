import { and, eq, inArray, sql } from "drizzle-orm";
import { paymentIntents, type PaymentIntent } from "@/db/schema";
import type { Db } from "@/db/client";
import { patchedJson, type JsonPatch } from "@/db/json-patch";
import { AppError } from "@/lib/errors/app-error";
import { getIntent } from "./get-intent";
import { assertLivePayable } from "./live-payable";
import { assertAboveMinimum } from "./minimum-amount";
import { merchantOf, ownedBy, type Owner } from "@/db/owner";
import { findDeposit } from "@/lib/stablecoins/open-deposit";

/** What a merchant may change on an intent: what it costs only until it is paid, its notes at any time. */
export type IntentChanges = {
  amount?: number;
  currency?: string;
  captureMethod?: "automatic" | "manual";
  successUrl?: string | null;
  cancelUrl?: string | null;
  description?: string | null;
  customerEmail?: string | null;
  /** Keys set or removed, or all of it replaced, applied by the database (so concurrent changes to other keys stand). */
  metadata?: JsonPatch;
  /** Merged into the dialect's own fields at their top level. */
  dialectData?: Record<string, unknown>;
};

const PAYMENT_TERMS = ["amount", "currency", "captureMethod", "successUrl", "cancelUrl"] as const;

/**
 * Changes one of this merchant's intents in one conditional update. Changing what the buyer pays
 * (amount, currency, capture, where they go after) is allowed only while nobody is paying it: the
 * update then applies only to an intent still awaiting payment with no attempt in flight.
 */
export async function updateIntent(db: Db, owner: Owner, intentId: string, changes: IntentChanges): Promise<PaymentIntent> {
  const current = await getIntent(db, owner, intentId);
  const paymentTerms = PAYMENT_TERMS.some((key) => changes[key] !== undefined);
  if (changes.amount !== undefined || changes.currency !== undefined) {
    await assertAboveMinimum(db, { id: merchantOf(owner) }, changes.amount ?? current.amount, changes.currency ?? current.currency);
  }
  if (current.mode === "live" && (changes.captureMethod === "manual" || changes.currency !== undefined)) {
    await assertLivePayable(db, current.merchantId, { ...current, captureMethod: changes.captureMethod ?? current.captureMethod, currency: changes.currency ?? current.currency });
  }
  const quoteChanges = changes.amount !== undefined || changes.currency !== undefined;
  // A new amount under a lock of the row, after making sure no deposit address was quoted the old
  // one: open-deposit.ts quotes under the same lock, so one of the two always sees the other.
  return quoteChanges ? db.transaction(async (tx) => (await lockQuote(tx, intentId), write(tx, owner, intentId, changes, paymentTerms))) : write(db, owner, intentId, changes, paymentTerms);
}

async function lockQuote(tx: Db, intentId: string): Promise<void> {
  await tx.select({ id: paymentIntents.id }).from(paymentIntents).where(eq(paymentIntents.id, intentId)).for("update");
  if (await findDeposit(tx, intentId)) {
    throw new AppError("intent_unexpected_state", "A deposit address has been given to the buyer for this amount: its amount and currency can no longer change. Cancel it and create another.", {
      param: "amount",
      extra: { status: "requires_payment_method" },
    });
  }
}

async function write(db: Db, owner: Owner, intentId: string, changes: IntentChanges, paymentTerms: boolean): Promise<PaymentIntent> {
  const [updated] = await db
    .update(paymentIntents)
    .set({
      ...(changes.amount !== undefined ? { amount: changes.amount } : {}),
      ...(changes.currency !== undefined ? { currency: changes.currency.toUpperCase() } : {}),
      ...(changes.captureMethod !== undefined ? { captureMethod: changes.captureMethod } : {}),
      ...(changes.successUrl !== undefined ? { successUrl: changes.successUrl } : {}),
      ...(changes.cancelUrl !== undefined ? { cancelUrl: changes.cancelUrl } : {}),
      ...(changes.description !== undefined ? { description: changes.description } : {}),
      ...(changes.customerEmail !== undefined ? { customerEmail: changes.customerEmail } : {}),
      ...(changes.metadata !== undefined ? { metadata: patchedJson(sql`${paymentIntents.metadata}`, changes.metadata) } : {}),
      ...(changes.dialectData !== undefined ? { dialectData: sql`${paymentIntents.dialectData} || ${JSON.stringify(changes.dialectData)}::jsonb` } : {}),
      updatedAt: sql`kassa_now()`,
    })
    .where(
      and(
        eq(paymentIntents.id, intentId),
        ownedBy(paymentIntents, owner),
        paymentTerms ? inArray(paymentIntents.status, ["requires_payment_method"]) : undefined,
        // Line items priced for the old amount would no longer add up.
        changes.amount !== undefined ? sql`${paymentIntents.lineItems} = '[]'::jsonb` : undefined,
      ),
    )
    .returning();
  if (updated) return updated;
  const now = await getIntent(db, owner, intentId);
  if (changes.amount !== undefined && now.lineItems.length > 0) {
    throw new AppError("parameter_invalid", "The amount of a payment intent with line items cannot be changed.", { param: "amount" });
  }
  throw new AppError("intent_unexpected_state", `This payment intent is ${now.status}: its amount, currency and capture can no longer change.`, {
    extra: { status: now.status },
  });
}
