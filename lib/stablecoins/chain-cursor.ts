import { and, eq, sql } from "drizzle-orm";
import { chainCursors, type ChainCursor } from "@/db/schema";
import type { Db } from "@/db/client";
import type { ChainConfig } from "./chains";

/** On a chain's first read, how far below the head to start when the operator named no start_block. */
const FIRST_READ_DEPTH = 1_000;
/** A cursor made by a failure before any read: no block has been chosen to start from yet. */
const NOT_STARTED = -1;

const key = (chain: ChainConfig) => and(eq(chainCursors.chainId, chain.chain_id), eq(chainCursors.tokenAddress, chain.token_address));

/**
 * Takes (or renews) this instance's lease on reading a chain's token, creating its cursor on the
 * first read. Null while another instance holds it: one reader at a time, and a reader that died
 * lets go when its lease runs out.
 */
export async function leaseCursor(db: Db, chain: ChainConfig, holder: string, head: number, leaseMs: number): Promise<ChainCursor | null> {
  await db
    .insert(chainCursors)
    .values({ chainId: chain.chain_id, tokenAddress: chain.token_address, nextBlock: chain.start_block ?? Math.max(0, head - FIRST_READ_DEPTH) })
    .onConflictDoUpdate({ target: [chainCursors.chainId, chainCursors.tokenAddress], set: { nextBlock: sql`excluded.next_block` }, setWhere: sql`${chainCursors.nextBlock} = ${NOT_STARTED}` });
  const [cursor] = await db
    .update(chainCursors)
    .set({ lockedBy: holder, lockedUntil: sql`now() + make_interval(secs => ${leaseMs / 1000})` })
    .where(and(key(chain), sql`(${chainCursors.lockedUntil} is null or ${chainCursors.lockedUntil} < now() or ${chainCursors.lockedBy} = ${holder})`))
    .returning();
  return cursor ?? null;
}

/** Extends this instance's lease while it works through a read; false once another instance has taken it. */
export async function renewLease(db: Db, chain: ChainConfig, holder: string, leaseMs: number): Promise<boolean> {
  const renewed = await db
    .update(chainCursors)
    .set({ lockedUntil: sql`now() + make_interval(secs => ${leaseMs / 1000})` })
    .where(and(key(chain), eq(chainCursors.lockedBy, holder)))
    .returning({ chainId: chainCursors.chainId });
  return renewed.length > 0;
}

/** After a read that was written: the next block to read, the head it saw, and no failure outstanding. */
export async function advanceCursor(db: Db, chain: ChainConfig, holder: string, nextBlock: number, head: number): Promise<void> {
  await db
    .update(chainCursors)
    .set({ nextBlock, headBlock: head, readAt: sql`now()`, failures: 0, lastError: null, updatedAt: sql`now()` })
    .where(and(key(chain), eq(chainCursors.lockedBy, holder)));
}

/** A read that failed changes nothing but this: how many in a row, and why (for /api/health). */
export async function recordReadFailure(db: Db, chain: ChainConfig, reason: string): Promise<void> {
  await db
    .insert(chainCursors)
    .values({ chainId: chain.chain_id, tokenAddress: chain.token_address, nextBlock: NOT_STARTED, failures: 1, lastError: reason, lastErrorAt: sql`now()` })
    .onConflictDoUpdate({
      target: [chainCursors.chainId, chainCursors.tokenAddress],
      set: { failures: sql`${chainCursors.failures} + 1`, lastError: reason, lastErrorAt: sql`now()`, updatedAt: sql`now()` },
    });
}

export async function readCursor(db: Db, chain: ChainConfig): Promise<ChainCursor | null> {
  const [cursor] = await db.select().from(chainCursors).where(key(chain));
  return cursor ?? null;
}
