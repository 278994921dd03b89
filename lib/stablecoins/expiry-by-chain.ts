import { sql, type SQL } from "drizzle-orm";
import { paymentIntents, stablecoinDeposits } from "@/db/schema";
import { configuredChains } from "./chains";

/**
 * The intent waits on a deposit address on a chain this server reads: only the chain watcher, which
 * knows what arrived before the expiry (by the blocks' own time, however late it reads them), may
 * expire it. The clock-driven expiry leaves such intents alone; one whose chain is no longer
 * configured expires by the clock like any other.
 */
export function expiryDecidedByChain(): SQL {
  const chainIds = [...new Set(configuredChains().map((chain) => chain.chain_id))];
  if (chainIds.length === 0) return sql`false`;
  return sql`exists (select 1 from ${stablecoinDeposits} where ${stablecoinDeposits.intentId} = ${paymentIntents.id} and ${stablecoinDeposits.chainId} in (${sql.join(
    chainIds.map((id) => sql`${id}`),
    sql`, `,
  )}))`;
}
