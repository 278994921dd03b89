import { and, eq, isNull, lt, sql } from "drizzle-orm";
import { paymentIntents } from "@/db/schema";
import type { Db } from "@/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { voidIntent } from "./void-intent";

/** Card networks hold an authorization for about a week: KASSA_AUTHORIZATION_HOURS (168). */
export function authorizationHours(): number {
  return Number(process.env.KASSA_AUTHORIZATION_HOURS ?? 168);
}

/** Voids authorizations nobody captured in time, so the buyer's funds are not held for nothing. */
export async function voidStaleAuthorizations(db: Db, limit = 50): Promise<number> {
  const stale = await db
    .select({ id: paymentIntents.id, merchantId: paymentIntents.merchantId })
    .from(paymentIntents)
    .where(
      and(
        eq(paymentIntents.status, "authorized"),
        // Those on a test clock are voided when their clock is advanced past the hold.
        isNull(paymentIntents.testClockId),
        lt(paymentIntents.authorizedAt, sql`now() - make_interval(hours => ${authorizationHours()})`),
      ),
    )
    .limit(limit);
  let voided = 0;
  for (const intent of stale) {
    try {
      await voidIntent(db, intent.merchantId, intent.id, { type: "system" }, `Voided automatically: not captured within ${authorizationHours()} hours.`);
      voided++;
    } catch (error) {
      // Captured or voided by someone else in the meantime.
      if (!isAppError(error)) throw error;
    }
  }
  return voided;
}
