import { cardTokens, type CardToken } from "@/db/schema";
import type { Db } from "@/db/client";
import { newId } from "@/lib/ids";
import type { ValidCard } from "./card";
import { cardFingerprint } from "./fingerprint";

/** Keeps what may be kept of a card (brand, last 4, expiry, fingerprint); never the number or CVC. */
export async function tokenizeCard(db: Db, merchantId: string, card: ValidCard): Promise<CardToken> {
  const [token] = await db
    .insert(cardTokens)
    .values({
      id: newId("tok"),
      merchantId,
      brand: card.brand,
      last4: card.last4,
      expMonth: card.expMonth,
      expYear: card.expYear,
      fingerprint: cardFingerprint(card.pan),
      cardholderName: card.name,
    })
    .returning();
  return token!;
}
