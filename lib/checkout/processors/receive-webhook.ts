import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cardTokens, merchantAcquirers, paymentAttempts, paymentIntents } from "@/db/schema";
import { unseal } from "@/lib/crypto/sealed";
import { AppError } from "@/lib/errors/app-error";
import { logError } from "@/lib/errors/log-error";
import { processorTimeoutMs } from "../authorize-attempt";
import { completeWaitingChallenge, giveUpExpiredChallenge } from "../challenge-attempt";
import { settleFromAcquirer, type OpenAttempt } from "../settle-from-acquirer";
import type { CardProcessor } from "../processor";
import { acquirerDefinition } from "./registry";
import { processorFor } from "./registry";

/** What a verified acquirer webhook did. Every outcome is a 200: the acquirer need not send it again. */
export type AcquirerWebhookOutcome = "ignored" | "not_final" | "settled" | "in_flight" | "already_settled" | "reversed";

/**
 * An acquirer's webhook about one of Kassa's attempts. The body names the attempt (its reference);
 * the signature is checked with the secret of that attempt's merchant before anything is done. Then
 * the acquirer is asked for the attempt's state (the body may be old: webhooks come in any order)
 * and the attempt is settled, once, by the same guarded statements as every other settlement.
 */
export async function receiveAcquirerWebhook(db: Db, type: string, rawBody: string, headers: Headers): Promise<AcquirerWebhookOutcome> {
  const definition = acquirerDefinition(type);
  if (!definition) throw new AppError("not_found", `Kassa has no acquirer called '${type}'.`);
  const reference = definition.webhook.referenceOf(rawBody);
  if (!reference) return "ignored";
  const [found] = await db
    .select({ attempt: paymentAttempts, intent: paymentIntents, token: cardTokens, webhookSecret: merchantAcquirers.webhookSecretCiphertext })
    .from(paymentAttempts)
    .innerJoin(paymentIntents, eq(paymentIntents.id, paymentAttempts.intentId))
    .innerJoin(cardTokens, eq(cardTokens.id, paymentAttempts.cardTokenId))
    .innerJoin(merchantAcquirers, and(eq(merchantAcquirers.merchantId, paymentIntents.merchantId), eq(merchantAcquirers.type, definition.type)))
    .where(and(eq(paymentAttempts.id, reference), eq(paymentIntents.mode, "live")));
  // Not one of Kassa's live attempts at this acquirer: perhaps another system sharing the account.
  if (!found) return "ignored";
  if (!found.webhookSecret || !definition.webhook.verify(rawBody, headers, unseal(found.webhookSecret, "acquirer-secret"))) {
    throw new AppError("signature_invalid", "The webhook's signature does not match the signing secret saved with this merchant's acquirer.");
  }
  if (!definition.webhook.isFinal(rawBody)) return "not_final";
  return settleReported(db, found, await processorFor(db, found.intent));
}

/**
 * Within the processor's time limit the payment's own request may still be waiting for this answer,
 * and settles it. Counted from the attempt's last move (an attempt resumed after 3-D Secure is old).
 */
const inFlight = (open: OpenAttempt) =>
  Date.now() - Math.max(open.attempt.createdAt.getTime(), open.intent.updatedAt.getTime()) < processorTimeoutMs() + 5_000;

async function settleReported(db: Db, open: OpenAttempt, processor: CardProcessor): Promise<AcquirerWebhookOutcome> {
  switch (open.attempt.status) {
    case "requires_action":
      // The buyer finished the bank's challenge but never came back to Kassa (a closed tab).
      if (await completeWaitingChallenge(db, open.intent.id, true, processor)) return "settled";
      // Finished too late: the payment's time ran out while the challenge was open (its intent waits
      // for the clock, or for the chain to decide). The challenge is given up, as one the buyer left
      // is, and whatever the acquirer charged for it goes back: the payment can no longer take it.
      return (await giveUpExpiredChallenge(db, open.intent.id)) ? reverseIfCharged(open, processor) : "already_settled";
    case "processing":
      if (inFlight(open)) return "in_flight";
      await settleFromAcquirer(db, open, processor);
      return "settled";
    case "declined":
      return reverseIfCharged(open, processor);
    default:
      return "already_settled";
  }
}

/**
 * A decline Kassa recorded because the acquirer did not answer in time ("96"), which the acquirer
 * then approved after all: the buyer was told no money moved, so none may. The authorization is
 * voided, or a captured charge refunded, under a reference of its own so doing it twice is once.
 */
async function reverseIfCharged(open: OpenAttempt, processor: CardProcessor): Promise<AcquirerWebhookOutcome> {
  const answer = await processor.retrieve(open.attempt.id, open.attempt.processorReference);
  if (!answer?.approved) return "already_settled";
  const reference = `${open.attempt.id}-reversal`;
  const authorization = answer.processorReference;
  const reversed =
    open.intent.captureMethod === "manual"
      ? await processor.void({ reference, authorization })
      : await processor.refund({ reference, authorization, amount: open.attempt.amount, currency: open.attempt.currency });
  if (!reversed.ok) {
    logError(`could not reverse the late approval of declined attempt ${open.attempt.id}`, new Error(reversed.message));
    throw new AppError("processor_error", "The acquirer approved a payment Kassa had declined, and refused to reverse it; Kassa will try again when the acquirer resends this webhook.");
  }
  return "reversed";
}
