import { BaseError } from "viem";
import { getDb } from "@/db/client";
import { logError } from "@/lib/errors/log-error";
import { markLoop } from "@/lib/observability/metrics";
import { instanceId } from "@/lib/worker/instance-id";
import { recordReadFailure } from "./chain-cursor";
import { chainReader, describeRpcError } from "./chain-reader";
import { configuredChains, type ChainConfig } from "./chains";
import { scanChain } from "./scan-chain";

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

function watch(chain: ChainConfig): () => void {
  let stopped = false;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  const loop = `chain ${chain.name}`;
  const round = async () => {
    const db = await getDb();
    try {
      await scanChain(db, chain, chainReader(chain), instanceId());
      failures = 0;
      markLoop(loop);
    } catch (error) {
      failures += 1;
      const reason = describeRpcError(error);
      // viem's errors quote the RPC URL, which often carries the provider's key: logged without it.
      logError(`chain ${chain.name}: read failed (${failures} in a row)`, error instanceof BaseError ? new Error(reason) : error, { chain: chain.name });
      await recordReadFailure(db, chain, reason).catch((failure: unknown) => logError(`chain ${chain.name}: could not record a failed read`, failure));
    }
    if (!stopped) timer = setTimeout(() => void round(), backoffMs(chain, failures)).unref();
  };
  timer = setTimeout(() => void round(), 0).unref();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
