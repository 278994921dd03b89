import type { ApiKey, Merchant } from "@/db/schema";

/** A key, its merchant, and which acquirer (if any) takes the merchant's live payments. */
export type CachedPrincipal = { merchant: Merchant; apiKey: ApiKey; acquirerType: string | null };

/**
 * How long an instance trusts what it read about a key and its merchant. Revoking a key or changing
 * a merchant forgets it at once on the instance that made the change; every other instance sees it
 * within this time.
 */
export const PRINCIPAL_CACHE_MS = 1000;
const MAX_ENTRIES = 10_000;

type Entry = { principal: CachedPrincipal; until: number };
const holder = globalThis as typeof globalThis & { __kassaPrincipals?: Map<string, Entry>; __kassaPrincipalsForgotten?: number };
const entries = () => (holder.__kassaPrincipals ??= new Map());

/**
 * Taken before reading the database: an answer read before a change on this instance (whose
 * forget counted up meanwhile) is not kept, and what is kept is trusted from when it was read.
 */
export function principalReadStart(): { forgotten: number; at: number } {
  return { forgotten: holder.__kassaPrincipalsForgotten ?? 0, at: Date.now() };
}

export function cachedPrincipal(secretHash: string, now = Date.now()): CachedPrincipal | null {
  const entry = entries().get(secretHash);
  if (!entry || entry.until <= now) return null;
  return entry.principal;
}

export function rememberPrincipal(secretHash: string, principal: CachedPrincipal, read = principalReadStart()): void {
  if ((holder.__kassaPrincipalsForgotten ?? 0) !== read.forgotten) return;
  const map = entries();
  if (map.size >= MAX_ENTRIES) map.clear();
  map.set(secretHash, { principal, until: read.at + PRINCIPAL_CACHE_MS });
}

/** After a change to a merchant or one of its keys: this instance stops trusting what it cached. */
export function forgetMerchantPrincipals(merchantId: string): void {
  holder.__kassaPrincipalsForgotten = (holder.__kassaPrincipalsForgotten ?? 0) + 1;
  for (const [hash, entry] of entries()) if (entry.principal.merchant.id === merchantId) entries().delete(hash);
}
