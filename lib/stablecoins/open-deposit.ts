import { and, eq, sql } from "drizzle-orm";
import { merchants, paymentIntents, stablecoinDeposits, type Merchant, type PaymentIntent, type StablecoinDeposit } from "@/db/schema";
import type { Db } from "@/db/client";
import { AppError } from "@/lib/errors/app-error";
import { chainsFor, type ChainConfig } from "./chains";
import { amountDue, tokenRate } from "./token-amount";
import { depositAddress } from "./wallet-key";

/** A deposit address stays watched this long past its intent's expiry, so money sent late is still recorded. */
export const LATE_WATCH_MS = 7 * 24 * 3600 * 1000;

/** Why an intent cannot be paid on chain, or null when it can (it may already have its deposit). */
export function stablecoinRefusal(intent: PaymentIntent, merchant: Pick<Merchant, "stablecoinXpub" | "status">): string | null {
  if (merchant.status !== "active") return "This merchant cannot accept payments right now.";
  if (!merchant.stablecoinXpub) return "This merchant has no wallet for stablecoin payments.";
  if (chainsFor(intent.mode).length === 0) return `This server takes no stablecoin payments in ${intent.mode} mode.`;
  // A subscription's renewals are charged to a saved card; a wallet cannot be charged again.
  if (intent.recurringIntervalDays) return "A recurring payment is paid by card.";
  if (intent.testClockId) return "A payment on a test clock is paid by card.";
  // Money on chain cannot be held and captured later: a payment to be captured by hand is a card's.
  if (intent.captureMethod === "manual") return "A payment captured later is paid by card.";
  if (intent.status !== "requires_payment_method") return "This payment can no longer be paid.";
  return null;
}

/**
 * The intent's deposit: the one it has, or a new address for it, derived from the merchant's wallet
 * at the next index. The index is taken and the deposit written in one transaction, guarded by the
 * intent being open, so a race makes one deposit and no address is ever handed out twice.
 */
export async function openDeposit(db: Db, intent: PaymentIntent, merchant: Pick<Merchant, "stablecoinXpub" | "status">, chainName?: string): Promise<StablecoinDeposit> {
  const existing = await findDeposit(db, intent.id);
  if (existing) return existing;
  const refusal = stablecoinRefusal(intent, merchant);
  if (refusal) throw new AppError("intent_unexpected_state", refusal, { extra: { status: intent.status } });
  const chain = pickChain(intent, chainName);
  const opened = await db.transaction(async (tx) => {
    // The intent's row, locked: the amount quoted is the one it has, and it cannot change (see
    // update-intent.ts) or close while the address is handed out.
    const [locked] = await tx
      .select()
      .from(paymentIntents)
      .where(and(eq(paymentIntents.id, intent.id), eq(paymentIntents.status, "requires_payment_method"), sql`${paymentIntents.expiresAt} > now()`))
      .for("update");
    if (!locked) throw new NotOpened();
    const rate = tokenRate(locked.currency, chain.currency);
    if (!rate) throw new AppError("intent_unexpected_state", `There is no exchange rate from ${locked.currency} to ${chain.token_symbol}.`);
    const fresh = await freshAddress(tx, locked.merchantId);
    if (!fresh) throw new NotOpened();
    const { index, address } = fresh;
    const [deposit] = await tx
      .insert(stablecoinDeposits)
      .values({
        intentId: locked.id,
        merchantId: locked.merchantId,
        mode: locked.mode,
        chain: chain.name,
        chainId: chain.chain_id,
        tokenAddress: chain.token_address,
        tokenSymbol: chain.token_symbol,
        tokenDecimals: chain.decimals,
        address,
        derivationIndex: index,
        rate,
        amountDue: amountDue(locked.amount, locked.currency, rate, chain.decimals).toString(),
        watchUntil: new Date(locked.expiresAt.getTime() + LATE_WATCH_MS),
      })
      .onConflictDoNothing({ target: stablecoinDeposits.intentId })
      .returning();
    // Another request opened it first: take nothing (the index goes back with the rollback).
    if (!deposit) throw new NotOpened();
    return deposit;
  }).catch((error: unknown) => {
    if (error instanceof NotOpened) return null;
    throw error;
  });
  if (opened) return opened;
  const raced = await findDeposit(db, intent.id);
  if (raced) return raced;
  throw new AppError("intent_unexpected_state", "This payment can no longer be paid.", { extra: { status: intent.status } });
}

class NotOpened extends Error {}

/** Past this many addresses already handed out, the wallet is refused rather than searched further. */
const MAX_SKIPPED_ADDRESSES = 1_000;

/**
 * The merchant's next receive address never handed out, with its index (taken in the caller's
 * transaction). An address some deposit already has is skipped: the wallet was another merchant's
 * before, or was saved again spelled another way (a tpub of the same key), and no address is ever
 * given to two payments. Null when the merchant has no wallet.
 */
async function freshAddress(tx: Db, merchantId: string): Promise<{ index: number; address: string } | null> {
  for (let skipped = 0; skipped <= MAX_SKIPPED_ADDRESSES; skipped++) {
    const [taken] = await tx
      .update(merchants)
      .set({ stablecoinNextIndex: sql`${merchants.stablecoinNextIndex} + 1` })
      .where(and(eq(merchants.id, merchantId), sql`${merchants.stablecoinXpub} is not null`))
      .returning({ index: sql<number>`${merchants.stablecoinNextIndex} - 1`, xpub: merchants.stablecoinXpub });
    if (!taken?.xpub) return null;
    const index = Number(taken.index);
    const address = depositAddress(taken.xpub, index);
    const [used] = await tx.select({ intentId: stablecoinDeposits.intentId }).from(stablecoinDeposits).where(eq(stablecoinDeposits.address, address));
    if (!used) return { index, address };
  }
  throw new AppError("intent_unexpected_state", "The merchant's wallet hands out addresses earlier payments already have: its owner needs to connect a fresh wallet account.");
}

/** The intent's deposit, if it has one; within one merchant's when `merchantId` is given (the dashboard's reads). */
export async function findDeposit(db: Db, intentId: string, merchantId?: string): Promise<StablecoinDeposit | null> {
  const [deposit] = await db
    .select()
    .from(stablecoinDeposits)
    .where(and(eq(stablecoinDeposits.intentId, intentId), merchantId ? eq(stablecoinDeposits.merchantId, merchantId) : undefined));
  return deposit ?? null;
}

function pickChain(intent: PaymentIntent, name: string | undefined): ChainConfig {
  const chains = chainsFor(intent.mode);
  if (name === undefined) return chains[0]!;
  const chain = chains.find((candidate) => candidate.name === name);
  if (!chain) throw new AppError("parameter_invalid", `There is no ${intent.mode} network called ${name}; choose one of ${chains.map((c) => c.name).join(", ")}.`, { param: "network" });
  return chain;
}
