import { sql, type SQL } from "drizzle-orm";
import { paymentIntents, stablecoinDeposits } from "@/db/schema";
import { configuredChains } from "./chains";

/**
 * The intent is unpaid (open, or a card waiting at the bank's challenge) and has a deposit address
 * on a chain and token this server reads: only the chain watcher, which knows what arrived before
 * the expiry (by the blocks' own time, however late it reads them), may expire it, so money sent
 * in time is never taken for late. The clock-driven expiry leaves such intents alone; one whose
 * chain is no longer configured expires by the clock.
 */
export function expiryDecidedByChain(): SQL {
  const watched = configuredChains().map((chain) => sql`(${chain.chain_id}, ${chain.token_address})`);
  if (watched.length === 0) return sql`false`;
  return sql`(${paymentIntents.status} in ('requires_payment_method', 'requires_action') and exists (select 1 from ${stablecoinDeposits} where ${stablecoinDeposits.intentId} = ${paymentIntents.id}
    and (${stablecoinDeposits.chainId}, ${stablecoinDeposits.tokenAddress}) in (${sql.join(watched, sql`, `)})))`;
}
