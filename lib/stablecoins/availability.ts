import type { Merchant, Mode } from "@/db/schema";
import { chainsFor } from "./chains";

/** The merchant can be paid in stablecoins in this mode: it has a wallet, and the server watches a chain for that mode. */
export function stablecoinsAvailable(merchant: Pick<Merchant, "stablecoinXpub">, mode: Mode): boolean {
  return merchant.stablecoinXpub !== null && chainsFor(mode).length > 0;
}
