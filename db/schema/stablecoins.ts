import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, numeric, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";
import { merchants } from "./accounts";
import { at, createdAt, mode, updatedAt } from "./columns";
import { paymentIntents } from "./payments";

/**
 * A token amount in its smallest unit, as a decimal string. A uint256 does not fit a bigint (18
 * decimals leave a bigint about 9 tokens), so it is a numeric with no fraction, and never a float.
 */
const baseUnits = (name: string) => numeric(name, { precision: 78, scale: 0 });
const address = (name: string) => varchar(name, { length: 42 });

/**
 * Where one intent is paid on chain: an address derived from the merchant's extended public key, on
 * one chain and token, and the amount due there. Made when the buyer chooses to pay with the token;
 * the sums are those of its transfers (stablecoin_transfers), rewritten with every change to them.
 */
export const stablecoinDeposits = pgTable(
  "stablecoin_deposits",
  {
    intentId: varchar("intent_id", { length: 64 })
      .primaryKey()
      .references(() => paymentIntents.id, { onDelete: "cascade" }),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id, { onDelete: "cascade" }),
    mode: mode(),
    /** The chain's name in KASSA_CHAINS, its id, and the token watched on it. */
    chain: varchar("chain", { length: 32 }).notNull(),
    chainId: integer("chain_id").notNull(),
    tokenAddress: address("token_address").notNull(),
    tokenSymbol: varchar("token_symbol", { length: 16 }).notNull(),
    tokenDecimals: smallint("token_decimals").notNull(),
    /** EIP-55 checksummed; derived at `derivation_index` below the merchant's key, and never handed out twice. */
    address: address("address").notNull(),
    derivationIndex: integer("derivation_index").notNull(),
    /** Token units per unit of the intent's currency, as a decimal string: the rate the buyer was quoted. */
    rate: varchar("rate", { length: 40 }).notNull(),
    /** The intent's amount at that rate, rounded up to the token's decimals. */
    amountDue: baseUnits("amount_due").notNull(),
    /** Arrived in time and not taken back by a reorganisation, final or not. */
    amountReceived: baseUnits("amount_received").notNull().default("0"),
    /** The part of it that is final (enough confirmations). */
    amountConfirmed: baseUnits("amount_confirmed").notNull().default("0"),
    /** Arrived after the intent could no longer be paid: kept and shown, never counted towards it. */
    amountLate: baseUnits("amount_late").notNull().default("0"),
    /** The chain is watched for this address until then: past the expiry, so a late payment is still recorded. */
    watchUntil: at("watch_until").notNull(),
    /**
     * Set when a read could not settle this deposit (a fault of Kassa's, never the chain's or the
     * buyer's): its blocks from here are read again for it alone, while the chain's cursor moves on
     * for every other payment. Null once it has caught up.
     */
    rereadFrom: integer("reread_from"),
    /** When it was last read on its own: the least recently tried go first, so none waits behind others that keep failing. */
    rereadTriedAt: at("reread_tried_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("stablecoin_deposits_address_key").on(t.address),
    uniqueIndex("stablecoin_deposits_merchant_index_key").on(t.merchantId, t.derivationIndex),
    // The watcher's list of addresses to look for, per chain.
    index("stablecoin_deposits_watched_idx").on(t.chainId, t.tokenAddress, t.watchUntil),
    check("stablecoin_deposits_amount_due_positive", sql`${t.amountDue} > 0`),
  ],
);

/** seen: in a block, not yet final. final: enough confirmations. removed: its block left the chain (a reorganisation). */
export const transferState = pgEnum("stablecoin_transfer_state", ["seen", "final", "removed"]);

/**
 * One ERC-20 Transfer log to a deposit address. Unique on (chain, transaction, log index), so a
 * transfer is counted once however many watchers see it, however often.
 */
export const stablecoinTransfers = pgTable(
  "stablecoin_transfers",
  {
    id: varchar("id", { length: 64 }).primaryKey(),
    chainId: integer("chain_id").notNull(),
    txHash: varchar("tx_hash", { length: 66 }).notNull(),
    logIndex: integer("log_index").notNull(),
    intentId: varchar("intent_id", { length: 64 })
      .notNull()
      .references(() => stablecoinDeposits.intentId, { onDelete: "cascade" }),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id, { onDelete: "cascade" }),
    tokenAddress: address("token_address").notNull(),
    fromAddress: address("from_address").notNull(),
    toAddress: address("to_address").notNull(),
    value: baseUnits("value").notNull(),
    blockNumber: bigint("block_number", { mode: "number" }).notNull(),
    blockHash: varchar("block_hash", { length: 66 }).notNull(),
    /** The block's own time: what decides whether it came in time, whenever Kassa noticed it. */
    blockTime: timestamp("block_time", { withTimezone: true, mode: "date" }).notNull(),
    state: transferState("state").notNull().default("seen"),
    /** Mined after the intent could no longer be paid (expired, underpaid, canceled, or already paid). */
    late: boolean("late").notNull().default(false),
    createdAt: createdAt(),
    finalAt: at("final_at"),
    removedAt: at("removed_at"),
  },
  (t) => [
    uniqueIndex("stablecoin_transfers_log_key").on(t.chainId, t.txHash, t.logIndex),
    index("stablecoin_transfers_intent_idx").on(t.intentId, t.blockNumber),
    // The dashboard's search by a transaction the merchant sees in its wallet.
    index("stablecoin_transfers_tx_idx").on(t.txHash),
    // What still waits for confirmations, per chain.
    index("stablecoin_transfers_unfinal_idx").on(t.chainId, t.blockNumber).where(sql`${t.state} = 'seen'`),
  ],
);

/**
 * How far each chain's token has been read, so nothing is missed across restarts or downtime, and
 * who is reading it: one instance at a time, under a lease. Also what /api/health reports.
 */
export const chainCursors = pgTable(
  "chain_cursors",
  {
    chainId: integer("chain_id").notNull(),
    tokenAddress: address("token_address").notNull(),
    /** The first block not read yet. */
    nextBlock: bigint("next_block", { mode: "number" }).notNull(),
    /** The chain's head at the last successful read, and when that was. */
    headBlock: bigint("head_block", { mode: "number" }),
    readAt: at("read_at"),
    lockedBy: varchar("locked_by", { length: 200 }),
    lockedUntil: at("locked_until"),
    /** Failed reads in a row, and the last one's reason (never a URL, which may hold a provider's key). */
    failures: integer("failures").notNull().default(0),
    lastError: text("last_error"),
    lastErrorAt: at("last_error_at"),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.tokenAddress] })],
);

export type StablecoinDeposit = typeof stablecoinDeposits.$inferSelect;
export type StablecoinTransfer = typeof stablecoinTransfers.$inferSelect;
export type ChainCursor = typeof chainCursors.$inferSelect;
