import type { Db } from "@/db/client";
import { isAppError, notFound } from "@/lib/errors/app-error";
import type { IntentDetails } from "@/lib/intents/intent-details";
import { getIntentDetails } from "@/lib/intents/read-intent-details";
import { subscriptionOfIntent } from "@/lib/subscriptions/get-subscription";
import { intentIdOfSession } from "../ids";
import { sessionOf, type SessionData } from "../session-data";
import { type Owner } from "@/db/owner";

export type FoundSession = { intent: IntentDetails; session: SessionData; subscription: Awaited<ReturnType<typeof subscriptionOfIntent>> };

/** One of this merchant's Checkout Sessions, with the intent it is and the subscription it started. */
export async function findSession(db: Db, owner: Owner, sessionId: string, param = "id"): Promise<FoundSession> {
  const missing = () => notFound("checkout.session", sessionId, param);
  const intentId = intentIdOfSession(sessionId);
  if (!intentId) throw missing();
  const intent = await getIntentDetails(db, owner, intentId).catch((error: unknown) => {
    throw isAppError(error) && error.code === "not_found" ? missing() : error;
  });
  const session = sessionOf(intent);
  if (!session) throw missing();
  return { intent, session, subscription: session.mode === "subscription" ? await subscriptionOfIntent(db, intent.id) : null };
}
