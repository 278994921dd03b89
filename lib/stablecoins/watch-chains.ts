import { BaseError } from "viem";
import { getDb, type Db } from "@/db/client";
import { logError } from "@/lib/errors/log-error";
import { markLoop } from "@/lib/observability/metrics";
import { instanceId } from "@/lib/worker/instance-id";
import { recordReadFailure } from "./chain-cursor";
import { chainReader, describeRpcError } from "./chain-reader";
import { configuredChains, type ChainConfig } from "./chains";
import { scanChain } from "./scan-chain";
import { verifyChain } from "./verify-chain";

/** The longest a failing chain waits between tries. */
const MAX_BACKOFF_MS = 5 * 60_000;

/** How long to wait after `failures` failed reads in a row: the chain's own pace, doubled each time, with ±25% jitter. */
export function backoffMs(chain: Pick<ChainConfig, "poll_ms">, failures: number): number {
  if (failures === 0) return chain.poll_ms;
  const base = Math.min(MAX_BACKOFF_MS, chain.poll_ms * 2 ** Math.min(failures, 20));
  return Math.round(base * (0.75 + Math.random() * 0.5));
}

/**
 * A loop per configured chain, each at its own pace. A read that fails (the RPC down, slow or
 * answering nonsense) writes nothing but the failure, which /api/health reports; the next read
 * waits longer and starts from the same block. Returns a stop function.
 */
export function startChainWatchers(): () => void {
  const stops = configuredChains().map((chain) => watch(chain));
  return () => stops.forEach((stop) => stop());
}

/**
 * One read of a chain as the worker makes it: true when it went through; a failure is logged and
 * recorded on the chain's cursor (for /api/health), and changes nothing else.
 */
export async function readChainOnce(db: Db, chain: ChainConfig, holder = instanceId()): Promise<boolean> {
  try {
    const reader = chainReader(chain);
    await verifyChain(chain, reader);
    await scanChain(db, chain, reader, holder);
    markLoop(`chain ${chain.name}`);
    return true;
  } catch (error) {
    const reason = describeRpcError(error);
    // viem's errors quote the RPC URL, which often carries the provider's key: logged without it.
    logError(`chain ${chain.name}: read failed`, error instanceof BaseError ? new Error(reason) : error, { chain: chain.name });
    await recordReadFailure(db, chain, reason).catch((failure: unknown) => logError(`chain ${chain.name}: could not record a failed read`, failure));
    return false;
  }
}

function watch(chain: ChainConfig): () => void {
  let stopped = false;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  const round = async () => {
    const ok = await getDb().then((db) => readChainOnce(db, chain), () => false);
    failures = ok ? 0 : failures + 1;
    if (!stopped) timer = setTimeout(() => void round(), backoffMs(chain, failures)).unref();
  };
  timer = setTimeout(() => void round(), 0).unref();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
