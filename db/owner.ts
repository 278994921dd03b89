import { and, eq, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Merchant, Mode } from "./schema";

/**
 * Whose objects a read is about: a merchant's in one mode (what every API key and the dashboard
 * ask with: a test key never sees a live object, nor the reverse), or a bare merchant id, for
 * Kassa's own jobs (the worker, reconcilers) and tests, which act on an object whatever its mode.
 */
export type Owner = string | { merchantId: string; mode: Mode };

/** A merchant as one API key sees it: the merchant, in the key's mode. */
export type Account = Merchant & { mode: Mode };
export const ownerOf = (account: { id: string; mode: Mode }): { merchantId: string; mode: Mode } => ({ merchantId: account.id, mode: account.mode });

export const merchantOf = (owner: Owner): string => (typeof owner === "string" ? owner : owner.merchantId);
export const modeOf = (owner: Owner): Mode | undefined => (typeof owner === "string" ? undefined : owner.mode);

/** The WHERE condition for rows of this owner: its merchant, and its mode when the owner has one. */
export function ownedBy(table: { merchantId: AnyPgColumn; mode: AnyPgColumn }, owner: Owner): SQL {
  const mode = modeOf(owner);
  return and(eq(table.merchantId, merchantOf(owner)), mode ? eq(table.mode, mode) : undefined)!;
}

/** For raw SQL: `and <alias>.mode = '<mode>'` when the owner has a mode, nothing otherwise. */
export function andModeOf(owner: Owner, alias?: string): SQL {
  const mode = modeOf(owner);
  if (!mode) return sql``;
  return alias ? sql`and ${sql.identifier(alias)}.mode = ${mode}` : sql`and mode = ${mode}`;
}
