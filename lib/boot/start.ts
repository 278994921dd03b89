import { getDatabase } from "@/db/client";
import { demoCredentials, demoEnabled, ensureDemoMerchant } from "@/lib/accounts/demo";
import { publicUrl } from "@/lib/config/env";
import { describeError } from "@/lib/errors/log-error";
import { configuredChains } from "@/lib/stablecoins/chains";
import { startWorker, workerEnabled } from "@/lib/worker/run-worker";

/**
 * Runs once when the server starts: opens and migrates the database before the first request, and
 * makes sure the demo merchant exists. A database that cannot be opened stops the process, so a
 * second server on the same embedded folder refuses to start instead of corrupting it.
 */
export async function start(): Promise<void> {
  // A chain misconfigured would watch nothing, or the wrong token: refuse to start, saying which field.
  try {
    configuredChains();
  } catch (error) {
    console.error(`[kassa] cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  let kind: string;
  try {
    ({ kind } = await getDatabase());
  } catch (error) {
    const reason = error instanceof Error && error.name === "DataDirLockedError" ? error.message : describeError(error);
    console.error(`[kassa] cannot open the database: ${reason}`);
    process.exit(1);
  }
  const lines = [`[kassa] ready at ${publicUrl()} on the ${kind} database`];
  if (demoEnabled()) {
    const { db } = await getDatabase();
    const { merchant, keyActive } = await ensureDemoMerchant(db, new URL(publicUrl()).origin);
    const demo = demoCredentials();
    lines.push(
      `[kassa] demo store:    ${publicUrl()}/demo`,
      `[kassa] demo merchant: ${merchant.id}`,
      keyActive ? `[kassa] demo API key:  ${demo.secretKey}` : "[kassa] demo API key:  revoked",
      `[kassa] demo login:    ${demo.email} / ${demo.password}`,
    );
  }
  if (workerEnabled()) {
    startWorker();
    lines.push("[kassa] worker started: webhooks, expiry, renewals, stuck payments, stale authorizations");
    for (const chain of configuredChains()) lines.push(`[kassa] watching ${chain.token_symbol} on ${chain.name} (chain ${chain.chain_id}, ${chain.mode} mode, ${chain.confirmations} confirmations)`);
  }
  console.log(lines.join("\n"));
}
