import { analyzeChangedTables } from "@/db/analyze-changed-tables";
import { getDb, type Db } from "@/db/client";
import { databaseConfig } from "@/db/config";
import { logError } from "@/lib/errors/log-error";
import { expireDueIntents } from "@/lib/intents/expire-intent";
import { voidStaleAuthorizations } from "@/lib/intents/void-stale-authorizations";
import { sendDueEmails } from "@/lib/receipts/send-due-emails";
import { renewDueSubscriptions } from "@/lib/subscriptions/renew-due-subscriptions";
import { claimDueDeliveries, deliverOne } from "@/lib/webhooks/deliver-webhooks";
import { instanceId } from "./instance-id";
import { markLoop } from "@/lib/observability/metrics";
import { onNudge } from "./nudge";
import { startChainWatchers } from "@/lib/stablecoins/watch-chains";
import { resumeOwnWork } from "./resume-own-work";
import { reconcilePendingOperations } from "./reconcile-pending-operations";
import { reconcileStuckAttempts } from "./reconcile-stuck-attempts";

export function workerEnabled(): boolean {
  return !["0", "off", "false"].includes((process.env.KASSA_WORKER ?? "").toLowerCase());
}

/** Webhooks in flight at once per instance, so a few slow receivers cannot starve the rest. */
const MAX_IN_FLIGHT = 32;

/**
 * The background worker every instance runs. Each job has its own loop, so a slow webhook receiver
 * never holds up expiry or renewals, and every job claims its rows with SKIP LOCKED or moves them
 * with conditional updates, so any number of instances can run side by side. Returns a stop function.
 */
export function startWorker(pollMs = Number(process.env.KASSA_WORKER_POLL_MS ?? 1000)): () => void {
  void resumeAfterRestart();
  const loops = [
    startWebhookPump(pollMs),
    every("receipts", pollMs, (db) => sendDueEmails(db)),
    every("expiry", 5_000, (db) => expireDueIntents(db)),
    every("renewals", 5_000, (db) => renewDueSubscriptions(db)),
    every("stuck payments", 30_000, (db) => reconcileStuckAttempts(db)),
    every("pending captures, voids and refunds", 30_000, (db) => reconcilePendingOperations(db)),
    every("stale authorizations", 60_000, (db) => voidStaleAuthorizations(db)),
    // PostgreSQL keeps its planner's statistics itself (autovacuum); the embedded database needs telling.
    ...(databaseConfig().kind === "embedded" ? [every("table statistics", 30_000, (db) => analyzeChangedTables(db))] : []),
    // Stablecoin payments: one loop per chain in KASSA_CHAINS, with its own backoff.
    startChainWatchers(),
  ];
  return () => loops.forEach((stop) => stop());
}

/** What this instance had in flight when it last stopped goes out again now (resume-own-work.ts). */
async function resumeAfterRestart(): Promise<void> {
  try {
    const resumed = await resumeOwnWork(await getDb(), instanceId());
    if (resumed.deliveries + resumed.emails > 0) {
      console.log(`[kassa] worker resumed ${resumed.deliveries} webhook deliveries and ${resumed.emails} emails in flight when this instance last stopped`);
    }
  } catch (error) {
    logError(`worker could not resume its own work`, error);
  }
}

function every(name: string, intervalMs: number, job: (db: Db) => Promise<unknown>): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const run = async () => {
    try {
      await job(await getDb());
      markLoop(name);
    } catch (error) {
      logError(`worker job ${name} failed`, error);
    }
    if (!stopped) timer = setTimeout(() => void run(), intervalMs).unref();
  };
  timer = setTimeout(() => void run(), 0).unref();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

/**
 * Keeps up to MAX_IN_FLIGHT deliveries going, claiming more as each finishes or when nudged. A call
 * that comes while a claim is running is not dropped: the claim runs again as soon as it is done, so
 * a burst never waits for the next poll.
 */
function startWebhookPump(pollMs: number): () => void {
  let stopped = false;
  let inFlight = 0;
  let claiming = false;
  let wantedAgain = false;
  let timer: NodeJS.Timeout | undefined;
  const pump = async (): Promise<void> => {
    if (stopped || inFlight >= MAX_IN_FLIGHT) return;
    if (claiming) {
      wantedAgain = true;
      return;
    }
    claiming = true;
    wantedAgain = false;
    let claimedAny = false;
    try {
      const db = await getDb();
      const claimed = await claimDueDeliveries(db, MAX_IN_FLIGHT - inFlight);
      markLoop("webhooks");
      claimedAny = claimed.length > 0;
      for (const delivery of claimed) {
        inFlight++;
        void deliverOne(db, delivery)
          .catch((error) => logError(`delivery ${delivery.delivery.id} failed`, error))
          .finally(() => {
            inFlight--;
            void pump();
          });
      }
    } catch (error) {
      logError(`webhook worker failed`, error);
    } finally {
      claiming = false;
    }
    // Asked for while claiming, or there may be more due than this claim had room for.
    if (wantedAgain || (claimedAny && inFlight < MAX_IN_FLIGHT)) void pump();
  };
  const tick = () => {
    void pump();
    if (!stopped) timer = setTimeout(tick, pollMs).unref();
  };
  onNudge(() => void pump());
  tick();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
