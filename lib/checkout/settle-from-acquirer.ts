import { eq } from "drizzle-orm";
import { subscriptions, type CardToken, type PaymentAttempt, type PaymentIntent } from "@/db/schema";
import type { Db } from "@/db/client";
import { settleRenewal } from "@/lib/subscriptions/settle-renewal";
import { PROCESSING_ERROR } from "./authorize-attempt";
import type { CardProcessor } from "./processor";
import { settleAttempt, type SettledAttempt } from "./settle-attempt";

export type OpenAttempt = { attempt: PaymentAttempt; intent: PaymentIntent; token: CardToken };

/**
 * Settles an attempt nobody is waiting on any more (its process died, or the answer came by the
 * acquirer's webhook) with what the acquirer says became of it, by Kassa's reference. One the acquirer
 * never saw is a "96" decline, so no money moved and the buyer or the renewal schedule may try again.
 */
export async function settleFromAcquirer(db: Db, open: OpenAttempt, processor: CardProcessor): Promise<SettledAttempt> {
  const result = (await processor.retrieve(open.attempt.id, open.attempt.processorReference)) ?? { ...PROCESSING_ERROR, processorReference: "" };
  const [subscription] = open.intent.subscriptionId ? await db.select().from(subscriptions).where(eq(subscriptions.id, open.intent.subscriptionId)) : [];
  return settleAttempt(db, open, result, {
    actor: { type: "system" },
    instead: subscription ? (tx, outcome) => settleRenewal(tx, subscription, outcome, result) : undefined,
  });
}
