import { and, eq, ne, sql } from "drizzle-orm";
import { merchants, type Merchant } from "@/db/schema";
import type { Db } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { forgetMerchantPrincipals } from "@/lib/accounts/principal-cache";
import { AppError } from "@/lib/errors/app-error";
import { parseWalletKey } from "./wallet-key";

/**
 * Saves (or, with null, removes) the merchant's wallet key. Addresses already handed out keep being
 * watched: their payments still land in the wallet that was set when they were made. The derivation
 * index never goes back, so a wallet set again later never hands out an address twice.
 */
export async function setWallet(db: Db, merchantId: string, xpub: string | null): Promise<Merchant> {
  const key = xpub === null ? null : parseWalletKey(xpub).publicExtendedKey;
  if (key) {
    const [taken] = await db.select({ id: merchants.id }).from(merchants).where(and(eq(merchants.stablecoinXpub, key), ne(merchants.id, merchantId)));
    if (taken) throw walletTaken();
  }
  try {
    const [merchant] = await db.update(merchants).set({ stablecoinXpub: key, updatedAt: sql`now()` }).where(eq(merchants.id, merchantId)).returning();
    forgetMerchantPrincipals(merchantId);
    return merchant!;
  } catch (error) {
    // Two merchants saving the same wallet at once: the unique index lets one of them.
    if (isUniqueViolation(error, "merchants_stablecoin_xpub_key")) throw walletTaken();
    throw error;
  }
}

function walletTaken(): AppError {
  return new AppError("parameter_invalid", "This wallet is already connected to another merchant: each merchant needs a wallet (or wallet account) of its own, so no address is ever handed to two of them.", {
    param: "stablecoin_xpub",
  });
}
