import { BaseError, createPublicClient, erc20Abi, getAddress, http, type Address, type Hex, type PublicClient } from "viem";
import type { ChainConfig } from "./chains";

/** One ERC-20 Transfer log, as the chain gave it. */
export type TransferLog = {
  txHash: Hex;
  logIndex: number;
  blockNumber: number;
  blockHash: Hex;
  from: Address;
  to: Address;
  value: bigint;
};

export type BlockStamp = { number: number; hash: Hex; time: Date };

/** What the watcher asks of a chain: its head, a block's hash and time, and transfers of a token to some addresses. */
export type ChainReader = {
  /** The chain id the RPC serves (eth_chainId), and a token contract's decimals(): what the configuration is checked against. */
  chainId(): Promise<number>;
  tokenDecimals(token: Address): Promise<number>;
  head(): Promise<number>;
  block(number: number): Promise<BlockStamp>;
  blockByHash(hash: Hex): Promise<BlockStamp>;
  transfers(token: Address, to: readonly Address[], fromBlock: number, toBlock: number): Promise<TransferLog[]>;
};

/** Addresses per eth_getLogs call: providers cap the topics of one filter. */
const ADDRESSES_PER_QUERY = 500;
const RPC_TIMEOUT_MS = 10_000;

const clients = new Map<string, PublicClient>();

/**
 * The chain through viem's public client: eth_blockNumber, eth_getBlockByNumber and eth_getLogs
 * decoded with viem's own ERC-20 ABI. No retries here: the watcher backs off as a whole, and a
 * failed read changes nothing.
 */
export function chainReader(chain: ChainConfig): ChainReader {
  let client = clients.get(chain.rpc_url);
  if (!client) {
    client = createPublicClient({ transport: http(chain.rpc_url, { timeout: RPC_TIMEOUT_MS, retryCount: 0 }), cacheTime: 0 });
    clients.set(chain.rpc_url, client);
  }
  const rpc = client;
  return {
    chainId: () => rpc.getChainId(),
    tokenDecimals: async (token) => Number(await rpc.readContract({ address: token, abi: erc20Abi, functionName: "decimals" })),
    head: async () => Number(await rpc.getBlockNumber({ cacheTime: 0 })),
    block: async (number) => stamp(await rpc.getBlock({ blockNumber: BigInt(number) })),
    blockByHash: async (hash) => stamp(await rpc.getBlock({ blockHash: hash })),
    async transfers(token, to, fromBlock, toBlock) {
      const found: TransferLog[] = [];
      for (let start = 0; start < to.length; start += ADDRESSES_PER_QUERY) {
        const logs = await rpc.getContractEvents({
          address: token,
          abi: erc20Abi,
          eventName: "Transfer",
          args: { to: to.slice(start, start + ADDRESSES_PER_QUERY) as Address[] },
          fromBlock: BigInt(fromBlock),
          toBlock: BigInt(toBlock),
          strict: true,
        });
        for (const log of logs) {
          // A log the node itself says was dropped by a reorganisation is not a payment.
          if (log.removed || log.blockNumber === null || log.blockHash === null || log.transactionHash === null || log.logIndex === null) continue;
          found.push({
            // Hashes in lower case, however a node spells them: a transfer is unique on its hash,
            // and the dashboard finds payments by it.
            txHash: log.transactionHash.toLowerCase() as Hex,
            logIndex: log.logIndex,
            blockNumber: Number(log.blockNumber),
            blockHash: log.blockHash.toLowerCase() as Hex,
            from: getAddress(log.args.from),
            to: getAddress(log.args.to),
            value: log.args.value,
          });
        }
      }
      return found;
    },
  };
}

function stamp(block: { number: bigint; hash: Hex; timestamp: bigint }): BlockStamp {
  return { number: Number(block.number), hash: block.hash, time: new Date(Number(block.timestamp) * 1000) };
}

/** The RPC serves another chain, or the token is not what KASSA_CHAINS says: nothing is read until they agree. */
export class ChainMismatch extends Error {}

/** Why a read failed, without the RPC URL (a provider's key often rides in it). */
export function describeRpcError(error: unknown): string {
  if (error instanceof ChainMismatch) return error.message;
  // Only the chain's own errors are described: anything else (the database, a bug) stays in the log.
  if (!(error instanceof BaseError)) return "The read failed inside Kassa; the server's log says why.";
  const text = error.shortMessage || error.message;
  return text.replace(/https?:\/\/\S+/g, "<rpc>").split("\n")[0]!.slice(0, 300);
}
