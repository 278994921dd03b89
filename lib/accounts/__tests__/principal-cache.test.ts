import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { apiKeys, merchants } from "@/db/schema";
import { authenticateApiKey } from "../authenticate-api-key";
import { cachedPrincipal, forgetMerchantPrincipals, PRINCIPAL_CACHE_MS, principalReadStart, rememberPrincipal } from "../principal-cache";
import { revokeApiKey } from "../revoke-api-key";
import { updateMerchant } from "../update-merchant";
import { createTestMerchant } from "@/lib/testing/fixtures";

afterEach(() => vi.useRealTimers());

describe("what an instance remembers about a key", () => {
  it("refuses a key revoked on another instance within a second, and at once on its own", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const db = await getDb();
    const merchant = await createTestMerchant();
    const credentials = { secret: merchant.secretKey };
    await authenticateApiKey(db, credentials);
    // Another instance revokes it (here: the row changes under this one's feet).
    await db.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, merchant.apiKey.id));
    await expect(authenticateApiKey(db, credentials)).resolves.toBeTruthy();
    vi.setSystemTime(Date.now() + PRINCIPAL_CACHE_MS);
    await expect(authenticateApiKey(db, credentials)).rejects.toMatchObject({ code: "unauthenticated" });

    const other = await createTestMerchant();
    await authenticateApiKey(db, { secret: other.secretKey });
    await revokeApiKey(db, other.merchant.id, other.apiKey.id);
    await expect(authenticateApiKey(db, { secret: other.secretKey })).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("does not keep an answer read before a change made here while the read was on its way", async () => {
    const db = await getDb();
    const merchant = await createTestMerchant();
    const principal = await authenticateApiKey(db, { secret: merchant.secretKey });
    const hash = principal.apiKey.secretHash;
    forgetMerchantPrincipals(merchant.merchant.id);

    const read = principalReadStart();
    // A revoke on this instance commits and forgets while that read is still in flight.
    forgetMerchantPrincipals(merchant.merchant.id);
    rememberPrincipal(hash, principal, read);
    expect(cachedPrincipal(hash)).toBeNull();

    // A read that started after it is kept, and trusted from when it was read.
    const later = principalReadStart();
    rememberPrincipal(hash, principal, later);
    expect(cachedPrincipal(hash, later.at + PRINCIPAL_CACHE_MS - 1)).not.toBeNull();
    expect(cachedPrincipal(hash, later.at + PRINCIPAL_CACHE_MS)).toBeNull();
  });

  it("sees a suspension made elsewhere within a second, and one made here at once", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const db = await getDb();
    const merchant = await createTestMerchant();
    const credentials = { secret: merchant.secretKey };
    await authenticateApiKey(db, credentials);
    await db.update(merchants).set({ status: "suspended" }).where(eq(merchants.id, merchant.merchant.id));
    vi.setSystemTime(Date.now() + PRINCIPAL_CACHE_MS);
    await expect(authenticateApiKey(db, credentials)).rejects.toMatchObject({ code: "merchant_suspended" });
    await updateMerchant(db, merchant.merchant.id, { status: "active" });
    await expect(authenticateApiKey(db, credentials)).resolves.toBeTruthy();
    await updateMerchant(db, merchant.merchant.id, { status: "suspended" });
    await expect(authenticateApiKey(db, credentials)).rejects.toMatchObject({ code: "merchant_suspended" });
  });
});
