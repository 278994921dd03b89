import { and, eq, gt, isNotNull, or, sql } from "drizzle-orm";
import { paymentIntents, stablecoinDeposits, stablecoinTransfers } from "@/db/schema";
import type { ChainConfig } from "./chains";

/**
 * The deposits whose addresses are read: every one whose intent may still be paid (however long the
 * watcher was down), and the others for a while after, so money sent late is still recorded. One
 * that a read could not settle is watched until it has caught up, however long that takes.
 */
export const watchedOn = (chain: ChainConfig) =>
  and(
    eq(stablecoinDeposits.chainId, chain.chain_id),
    eq(stablecoinDeposits.tokenAddress, chain.token_address),
    or(
      gt(stablecoinDeposits.watchUntil, sql`now()`),
      isNotNull(stablecoinDeposits.rereadFrom),
      sql`exists (select 1 from ${paymentIntents} where ${paymentIntents.id} = ${stablecoinDeposits.intentId} and ${paymentIntents.status} in ('requires_payment_method', 'processing', 'requires_action'))`,
    ),
  );

/**
 * Transfers not yet final, of deposits still watched: read again until they are (or are gone).
 * Those of deposits left behind (being read on their own) are left out unless asked for, so they
 * never hold the chain's own read back at their blocks.
 */
export const unfinalOf = (chain: ChainConfig, deposits: "in step" | "all" = "in step") =>
  and(
    eq(stablecoinTransfers.chainId, chain.chain_id),
    eq(stablecoinTransfers.tokenAddress, chain.token_address),
    eq(stablecoinTransfers.state, "seen"),
    sql`${stablecoinTransfers.intentId} in (select ${stablecoinDeposits.intentId} from ${stablecoinDeposits} where ${watchedOn(chain)}${deposits === "in step" ? sql` and ${stablecoinDeposits.rereadFrom} is null` : sql``})`,
  );
