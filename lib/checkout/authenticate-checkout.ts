import { eq, sql } from "drizzle-orm";
import { merchantAcquirers, merchants, paymentIntents, stablecoinDeposits, type PaymentIntent } from "@/db/schema";
import { cardRefusal } from "@/lib/stablecoins/card-allowed";
import type { Db } from "@/db/client";
import { fromRow } from "@/db/from-row";
import { queryRows } from "@/db/rows";
import { constantTimeEqual } from "@/lib/crypto/tokens";
import { AppError, cannotAcceptPayments, notFound } from "@/lib/errors/app-error";
import { expireIfDue } from "@/lib/intents/expire-intent";

/**
 * The buyer's side holds no API key, only the intent's client secret: 404 for an unknown intent,
 * 403 for a wrong or missing secret, compared in constant time.
 */
export async function authenticateCheckout(db: Db, intentId: string, clientSecret: string | null | undefined): Promise<PaymentIntent> {
  const [intent] = await db.select().from(paymentIntents).where(eq(paymentIntents.id, intentId));
  return expireIfDue(db, checkSecret(intent, intentId, clientSecret));
}

/**
 * For a payment: the intent, its client secret checked, and whether its merchant may take money,
 * in one query; refused unless it can be paid right now.
 */
export async function authenticatePayment(db: Db, intentId: string, clientSecret: string | null | undefined): Promise<PaymentIntent> {
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`select intent.*, merchant.status as merchant_status,
          exists (select 1 from ${stablecoinDeposits} d where d.intent_id = intent.id and d.amount_received > 0) as chain_funded,
          intent.mode = 'live' and not exists (select 1 from ${merchantAcquirers} a where a.merchant_id = intent.merchant_id) as cardless
        from ${paymentIntents} intent
        join ${merchants} merchant on merchant.id = intent.merchant_id where intent.id = ${intentId}`,
  );
  const intent = await expireIfDue(db, checkSecret(row && fromRow(paymentIntents, row), intentId, clientSecret));
  assertPayable(intent);
  if (row!.merchant_status !== "active") throw cannotAcceptPayments();
  const refusal = cardRefusal({ chainFunded: Boolean(row!.chain_funded), cardless: Boolean(row!.cardless) });
  if (refusal) throw refusal;
  return intent;
}

export function checkSecret<T extends PaymentIntent>(intent: T | undefined, intentId: string, clientSecret: string | null | undefined): T {
  if (!intent) throw notFound("payment_intent", intentId, "id");
  if (!clientSecret || !constantTimeEqual(intent.clientSecret, clientSecret)) {
    throw new AppError("client_secret_invalid", "The client_secret does not match this payment intent.", {
      param: "client_secret",
    });
  }
  return intent;
}

/** Why an intent cannot take a payment right now, or nothing when it can. */
export function assertPayable(intent: PaymentIntent): void {
  switch (intent.status) {
    case "requires_payment_method":
      return;
    case "succeeded":
    case "authorized":
      throw new AppError("payment_already_completed", "This payment has already been completed.", {
        extra: { status: intent.status },
      });
    case "requires_action":
      throw new AppError("intent_unexpected_state", "This payment is waiting for the buyer to authenticate it with their bank.", {
        extra: { status: intent.status },
      });
    case "processing":
      throw new AppError("payment_processing", "A payment for this intent is already being processed.", {
        extra: { status: intent.status },
      });
    case "failed":
      throw new AppError("intent_unexpected_state", "This payment failed after too many declined attempts.", {
        extra: { status: intent.status },
      });
    case "canceled":
      throw new AppError("intent_unexpected_state", "This payment was canceled.", { extra: { status: intent.status } });
    case "expired":
      throw new AppError("intent_unexpected_state", "This payment link has expired.", { extra: { status: intent.status } });
    case "underpaid":
      throw new AppError("intent_unexpected_state", "This payment expired with less than the amount paid on chain.", { extra: { status: intent.status } });
  }
}
