import { sql, type SQL } from "drizzle-orm";
import { paymentIntents, stablecoinDeposits } from "@/db/schema";
import { configuredChains } from "./chains";

/**
 * The intent is open and waits on a deposit address on a chain and token this server reads: only
 * the chain watcher, which knows what arrived before the expiry (by the blocks' own time, however
 * late it reads them), may expire it. The clock-driven expiry leaves such intents alone; one at the
 * bank's challenge (a card attempt), or whose chain is no longer configured, expires by the clock.
 */
export function expiryDecidedByChain(): SQL {
  const watched = configuredChains().map((chain) => sql`(${chain.chain_id}, ${chain.token_address})`);
  if (watched.length === 0) return sql`false`;
  return sql`(${paymentIntents.status} = 'requires_payment_method' and exists (select 1 from ${stablecoinDeposits} where ${stablecoinDeposits.intentId} = ${paymentIntents.id}
    and (${stablecoinDeposits.chainId}, ${stablecoinDeposits.tokenAddress}) in (${sql.join(watched, sql`, `)})))`;
}
