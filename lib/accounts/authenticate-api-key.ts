import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { apiKeys, merchantAcquirers, merchants, type ApiKey, type Merchant } from "@/db/schema";
import type { Db } from "@/db/client";
import { constantTimeEqual } from "@/lib/crypto/tokens";
import { AppError } from "@/lib/errors/app-error";
import { stablecoinsAvailable } from "@/lib/stablecoins/availability";
import { hashSecretKey } from "./api-keys";
import { cachedPrincipal, principalReadStart, rememberPrincipal } from "./principal-cache";

export type ApiKeyCredentials = { secret: string; clientId?: string };
export type MerchantPrincipal = { merchant: Merchant; apiKey: ApiKey; acquirerType: string | null };

const LAST_USED_RESOLUTION = sql`interval '1 minute'`;
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Resolves a secret key (and, for mintro, its client id) to its merchant. Unknown, revoked and
 * malformed keys all get the same 401; a suspended merchant gets 403. What the database said is
 * trusted for up to a second (principal-cache.ts), so a busy key costs no query per request.
 */
export async function authenticateApiKey(
  db: Db,
  credentials: ApiKeyCredentials,
  options: { allowSuspended?: boolean } = {},
): Promise<MerchantPrincipal> {
  // Built only when needed: an Error captures a stack, which the success path should not pay for.
  const unauthenticated = () => new AppError("unauthenticated", "Invalid API key provided.");
  if (!credentials.secret) throw unauthenticated();
  const hash = hashSecretKey(credentials.secret);
  const row = cachedPrincipal(hash) ?? (await lookUp(db, hash));
  if (!row || !constantTimeEqual(row.apiKey.secretHash, hash)) throw unauthenticated();
  if (credentials.clientId !== undefined && !constantTimeEqual(row.apiKey.clientId, credentials.clientId)) {
    throw unauthenticated();
  }
  if (row.merchant.status === "suspended" && !options.allowSuspended) {
    throw new AppError("merchant_suspended", "This merchant account is suspended.");
  }
  // A live key moves real money, so only once the merchant has somewhere for it to go: an acquirer
  // for cards, or a wallet on a live chain for stablecoins.
  if (row.apiKey.mode === "live" && !canTakeLivePayments(row) && !options.allowSuspended) throw liveModeUnavailable();
  if (!row.apiKey.lastUsedAt || Date.now() - row.apiKey.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await touchLastUsed(db, row.apiKey.id);
    row.apiKey.lastUsedAt = new Date();
  }
  return row;
}

export const liveModeUnavailable = () =>
  new AppError(
    "live_mode_unavailable",
    "This is a live key, and the merchant has nowhere for live payments to go yet: set an acquirer with PUT /api/v1/merchants/{id}/acquirer or a stablecoin wallet (stablecoin_xpub) where the server has a live chain, or use a test key.",
  );

/** Live money has somewhere to go: the merchant's acquirer, or its wallet on a chain this server watches for live payments. */
export function canTakeLivePayments(principal: Pick<MerchantPrincipal, "merchant" | "acquirerType">): boolean {
  return principal.acquirerType !== null || stablecoinsAvailable(principal.merchant, "live");
}

async function lookUp(db: Db, hash: string): Promise<MerchantPrincipal | null> {
  const read = principalReadStart();
  const [row] = await db
    .select({ apiKey: apiKeys, merchant: merchants, acquirerType: merchantAcquirers.type })
    .from(apiKeys)
    .innerJoin(merchants, eq(merchants.id, apiKeys.merchantId))
    .leftJoin(merchantAcquirers, eq(merchantAcquirers.merchantId, apiKeys.merchantId))
    .where(and(eq(apiKeys.secretHash, hash), isNull(apiKeys.revokedAt)));
  if (row) rememberPrincipal(hash, row, read);
  return row ?? null;
}

/** At most one write a minute per key, so a busy key does not turn every read into a write. */
async function touchLastUsed(db: Db, keyId: string): Promise<void> {
  await db
    .update(apiKeys)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(apiKeys.id, keyId),
        or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, sql`now() - ${LAST_USED_RESOLUTION}`)),
      ),
    );
}
