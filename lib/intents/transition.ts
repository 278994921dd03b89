import { getTableColumns, is, SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { paymentIntents, type IntentStatus, type PaymentIntent } from "@/db/schema";
import type { Db } from "@/db/client";
import { fromRow } from "@/db/from-row";
import { queryRows } from "@/db/rows";

/** Every move the state machine allows; anything else is a bug, not a client error. */
const ALLOWED: Record<IntentStatus, readonly IntentStatus[]> = {
  // Underpaid: paid on chain, short of the amount when it expired.
  requires_payment_method: ["processing", "canceled", "expired", "underpaid"],
  processing: ["succeeded", "authorized", "requires_payment_method", "failed", "requires_action"],
  // The buyer answers the bank's challenge (back to processing to finish), gives up, or runs out of
  // time; or the chain's time passes the expiry, and the challenge is given up for the chain to decide.
  requires_action: ["processing", "canceled", "expired", "requires_payment_method"],
  authorized: ["succeeded", "canceled"],
  succeeded: [],
  failed: [],
  canceled: [],
  expired: [],
  underpaid: [],
};

type IntentColumns = Omit<typeof paymentIntents.$inferInsert, "id" | "status">;

export type Transition = {
  intentId: string;
  from: readonly IntentStatus[];
  to: IntentStatus;
  set?: { [K in keyof IntentColumns]?: IntentColumns[K] | SQL };
  /** Extra guard that must also hold, such as "not yet expired". */
  guard?: SQL;
  /** The time to stamp as updated_at, when the caller must know it before the row is written; else the database's kassa_now(). */
  at?: Date;
};

/**
 * The only way an intent changes status: one conditional UPDATE, so of two racing requests exactly
 * one matches the row and the other gets null and must re-read.
 */
export async function transitionIntent(db: Db, transition: Transition): Promise<PaymentIntent | null> {
  const [row] = await queryRows<Record<string, unknown>>(db, transitionStatement(transition));
  return row ? fromRow(paymentIntents, row) : null;
}

/**
 * The same conditional UPDATE (returning the whole row), unsent: for a caller that runs it as part of
 * one larger statement, inside a WITH beside the inserts that depend on it. Written as SQL rather
 * than with drizzle's update builder, which spent more time building the RETURNING list of every
 * column than the database spent running it.
 */
export function transitionStatement(transition: Transition): SQL {
  for (const from of transition.from) {
    if (!ALLOWED[from].includes(transition.to)) {
      throw new Error(`Illegal intent transition ${from} → ${transition.to}`);
    }
  }
  const assignments = Object.entries(transition.set ?? {}).map(([key, value]) => {
    const column = COLUMNS[key]!;
    return sql`${sql.identifier(column.name)} = ${is(value, SQL) ? value : sql.param(value, column)}`;
  });
  return sql`
    update ${paymentIntents}
    set ${sql.join([...assignments, sql`status = ${transition.to}`, transition.at ? sql`updated_at = ${sql.param(transition.at, paymentIntents.updatedAt)}` : sql`updated_at = kassa_now()`], sql`, `)}
    where id = ${transition.intentId} and status in ${sql`(${sql.join(transition.from.map((from) => sql`${from}`), sql`, `)})`}
      ${transition.guard ? sql`and ${transition.guard}` : sql``}
    returning *, xmin::text as row_version`;
}

const COLUMNS: Record<string, PgColumn> = getTableColumns(paymentIntents);
