import { and, eq, sql, type SQL } from "drizzle-orm";
import { paymentIntents } from "@/db/schema";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";
import { notFound } from "@/lib/errors/app-error";
import { EXPIRABLE, expireIfDue } from "./expire-intent";
import { INTENT_JSON, intentDetailsFromRow, WITH_ATTEMPTS, type IntentDetails } from "./intent-details";
import { ownedBy, type Owner } from "@/db/owner";

/*
 * Reads that expire what they find past its expiry. Apart from intent-details.ts, whose pure reads
 * the dialects' webhook renderers use: expiring records an event, and recording an event asks the
 * dialect registry, so those renderers must not depend on this file.
 */

/**
 * Intents with their attempts and cards, in one query: the rows `where` selects, ordered and limited
 * by `rest`. An intent found past its expiry is expired on the way out, so a read never shows it
 * payable.
 */
export async function selectIntentDetails(db: Db, where: SQL | undefined, rest: SQL = sql``): Promise<IntentDetails[]> {
  const rows = await queryRows<Record<string, unknown>>(db, sql`select ${paymentIntents}.*, ${WITH_ATTEMPTS} from ${paymentIntents} where ${where} ${rest}`);
  return Promise.all(rows.map((row) => expireDetailsIfDue(db, intentDetailsFromRow(row))));
}

/** An intent read past its expiry is expired on the way out, its attempts kept. */
export async function expireDetailsIfDue(db: Db, intent: IntentDetails): Promise<IntentDetails> {
  return EXPIRABLE.includes(intent.status) ? { ...intent, ...(await expireIfDue(db, intent)) } : intent;
}

/** One of this merchant's intents with its attempts; another merchant's id is a 404, exactly like an unknown one. */
export async function getIntentDetails(db: Db, owner: Owner, intentId: string): Promise<IntentDetails> {
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`select ${INTENT_JSON}, ${WITH_ATTEMPTS} from ${paymentIntents} where ${and(eq(paymentIntents.id, intentId), ownedBy(paymentIntents, owner))}`,
  );
  if (!row) throw notFound("payment_intent", intentId, "id");
  return expireDetailsIfDue(db, intentDetailsFromRow(row));
}

