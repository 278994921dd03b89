import type { ApiKey, Merchant } from "@/db/schema";

export type CachedPrincipal = { merchant: Merchant; apiKey: ApiKey };

/**
 * How long an instance trusts what it read about a key and its merchant. Revoking a key or changing
 * a merchant forgets it at once on the instance that made the change; every other instance sees it
 * within this time.
 */
export const PRINCIPAL_CACHE_MS = 1000;
const MAX_ENTRIES = 10_000;

type Entry = { principal: CachedPrincipal; until: number };
const holder = globalThis as typeof globalThis & { __kassaPrincipals?: Map<string, Entry> };
const entries = () => (holder.__kassaPrincipals ??= new Map());

export function cachedPrincipal(secretHash: string, now = Date.now()): CachedPrincipal | null {
  const entry = entries().get(secretHash);
  if (!entry || entry.until <= now) return null;
  return entry.principal;
}

export function rememberPrincipal(secretHash: string, principal: CachedPrincipal, now = Date.now()): void {
  const map = entries();
  if (map.size >= MAX_ENTRIES) map.clear();
  map.set(secretHash, { principal, until: now + PRINCIPAL_CACHE_MS });
}

/** After a change to a merchant or one of its keys: this instance stops trusting what it cached. */
export function forgetMerchantPrincipals(merchantId: string): void {
  for (const [hash, entry] of entries()) if (entry.principal.merchant.id === merchantId) entries().delete(hash);
}
