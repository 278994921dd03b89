import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll } from "vitest";
import type { Address } from "viem";
import { HDKey } from "viem/accounts";
import { getDb } from "@/db/client";
import { merchants } from "@/db/schema";
import { eq } from "drizzle-orm";
import { configuredChains, type ChainConfig } from "@/lib/stablecoins/chains";
import { chainReader } from "@/lib/stablecoins/chain-reader";
import { openDeposit } from "@/lib/stablecoins/open-deposit";
import { scanChain } from "@/lib/stablecoins/scan-chain";
import { setWallet } from "@/lib/stablecoins/set-wallet";
import { createTestMerchant, readIntent, type TestMerchant } from "./fixtures";
import { startLocalChain, type LocalChain } from "./local-chain";

/** A wallet of the merchant's own: a fresh seed's first account, as a wallet app would export it. */
export function freshWalletXpub(): string {
  return HDKey.fromMasterSeed(randomBytes(32)).derive("m/44'/60'/0'").publicExtendedKey;
}

/**
 * For one test file: a real local Ethereum node (anvil) with a 6-decimal USDC and another token
 * deployed, configured as this server's test-mode chain through KASSA_CHAINS, and merchants whose
 * wallets it pays into.
 */
export function useLocalChain(options: { confirmations?: number; blocksPerRead?: number } = {}) {
  let chain: LocalChain | undefined;
  let usdc: Address | undefined;
  let otherToken: Address | undefined;
  beforeAll(async () => {
    chain = await startLocalChain();
    usdc = await chain.deployToken();
    otherToken = await chain.deployToken({ name: "Other Dollar", symbol: "ODOL", decimals: 6 });
    process.env.KASSA_CHAINS = JSON.stringify([
      { name: "anvil", chain_id: chain.chainId, rpc_url: chain.rpcUrl, token_address: usdc, token_symbol: "USDC", decimals: 6, confirmations: options.confirmations ?? 3, mode: "test", poll_ms: 200, ...(options.blocksPerRead ? { blocks_per_read: options.blocksPerRead } : {}) },
    ]);
  }, 60_000);
  afterAll(async () => {
    delete process.env.KASSA_CHAINS;
    await chain?.stop();
  });
  // A test that moved the chain's clock past an expiry gives the next test a chain whose time is
  // the real time again: the chain goes back to before the jump (the database keeps what it saw).
  let beforeJump: `0x${string}` | null = null;
  afterEach(async () => {
    if (beforeJump) await chain!.revert(beforeJump);
    beforeJump = null;
  });
  const world = {
    get chain(): LocalChain {
      return chain!;
    },
    get usdc(): Address {
      return usdc!;
    },
    get otherToken(): Address {
      return otherToken!;
    },
    get config(): ChainConfig {
      return configuredChains()[0]!;
    },
    /** A fresh merchant with a wallet of its own saved. */
    async merchantWithWallet(): Promise<TestMerchant & { xpub: string }> {
      const merchant = await createTestMerchant();
      const xpub = freshWalletXpub();
      await setWallet(await getDb(), merchant.merchant.id, xpub);
      return { ...merchant, xpub };
    },
    /** The intent's deposit address, opened as the buyer's choice of "Pay with USDC" opens it. */
    async depositFor(intentId: string) {
      const db = await getDb();
      const intent = await readIntent(intentId);
      const [merchant] = await db.select().from(merchants).where(eq(merchants.id, intent.merchantId));
      return openDeposit(db, intent, merchant!);
    },
    /**
     * Moves the chain's clock past the intent's expiry and mines there until a final block is past it
     * (the watcher goes by the newest final block's time); undone after the test.
     */
    async passExpiry(intentId: string) {
      const intent = await readIntent(intentId);
      beforeJump ??= await chain!.snapshot();
      const block = await chain!.publicClient.getBlock();
      await chain!.testClient.increaseTime({ seconds: Math.max(1, Math.ceil(intent.expiresAt.getTime() / 1000 - Number(block.timestamp)) + 60) });
      await chain!.mine(options.confirmations ?? 3);
    },
    /** One read of the chain by a watcher named `holder`, as the worker makes it. */
    async scan(holder = "test-watcher") {
      return scanChain(await getDb(), world.config, chainReader(world.config), holder);
    },
  };
  return world;
}

export { readIntent };
