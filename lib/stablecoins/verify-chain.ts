import { ChainMismatch, type ChainReader } from "./chain-reader";
import type { ChainConfig } from "./chains";

/** Configurations this process has found to agree with their chain. */
const verified = new Set<string>();

/**
 * The chain behind the RPC is the one KASSA_CHAINS names, and its token has the decimals it says,
 * before anything is read: another chain's transfers, or amounts off by a power of ten, would pay
 * intents wrongly. Checked once per process; a mismatch fails every read, saying why on /api/health.
 */
export async function verifyChain(chain: ChainConfig, reader: ChainReader): Promise<void> {
  const key = JSON.stringify([chain.name, chain.rpc_url, chain.chain_id, chain.token_address, chain.decimals]);
  if (verified.has(key)) return;
  const chainId = await reader.chainId();
  if (chainId !== chain.chain_id) {
    throw new ChainMismatch(`KASSA_CHAINS says ${chain.name} is chain ${chain.chain_id}, but its RPC serves chain ${chainId}: nothing is read until they agree.`);
  }
  const decimals = await reader.tokenDecimals(chain.token_address);
  if (decimals !== chain.decimals) {
    throw new ChainMismatch(`KASSA_CHAINS says ${chain.token_symbol} on ${chain.name} has ${chain.decimals} decimals, but its contract says ${decimals}: nothing is read until they agree.`);
  }
  verified.add(key);
}
