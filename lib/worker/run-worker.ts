import { getDb, type Db } from "@/db/client";
import { describeError } from "@/lib/errors/log-error";
import { expireDueIntents } from "@/lib/intents/expire-intent";
import { voidStaleAuthorizations } from "@/lib/intents/void-stale-authorizations";
import { renewDueSubscriptions } from "@/lib/subscriptions/renew-due-subscriptions";
import { deliverDueWebhooks } from "@/lib/webhooks/deliver-webhooks";
import { onNudge } from "./nudge";
import { reconcileStuckAttempts } from "./reconcile-stuck-attempts";

export function workerEnabled(): boolean {
  return !["0", "off", "false"].includes((process.env.KASSA_WORKER ?? "").toLowerCase());
}

type Job = { name: string; everyMs: number; run: (db: Db) => Promise<unknown>; lastRun: number };

/**
 * The background worker every instance runs: webhook deliveries, expiry, renewals, stuck payments,
 * stale authorizations. Every job claims its rows with SKIP LOCKED or moves them with conditional
 * updates, so any number of instances can run it side by side. Returns a function that stops it.
 */
export function startWorker(pollMs = Number(process.env.KASSA_WORKER_POLL_MS ?? 1000)): () => void {
  const jobs: Job[] = [
    { name: "webhooks", everyMs: 0, run: deliverAll, lastRun: 0 },
    { name: "expiry", everyMs: 5_000, run: (db) => expireDueIntents(db), lastRun: 0 },
    { name: "renewals", everyMs: 5_000, run: (db) => renewDueSubscriptions(db), lastRun: 0 },
    { name: "stuck payments", everyMs: 30_000, run: (db) => reconcileStuckAttempts(db), lastRun: 0 },
    { name: "stale authorizations", everyMs: 60_000, run: (db) => voidStaleAuthorizations(db), lastRun: 0 },
  ];
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let stopped = false;

  const tick = async () => {
    if (running || stopped) return;
    running = true;
    try {
      const db = await getDb();
      for (const job of jobs) {
        if (Date.now() - job.lastRun < job.everyMs) continue;
        job.lastRun = Date.now();
        await job.run(db).catch((error) => console.error(`[kassa] worker job ${job.name} failed: ${describeError(error)}`));
      }
    } finally {
      running = false;
      schedule(pollMs);
    }
  };
  const schedule = (delay: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void tick(), delay);
    timer.unref();
  };

  onNudge(() => schedule(0));
  schedule(0);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

/** Sends until nothing is due, a bounded number of rounds per tick. */
async function deliverAll(db: Db): Promise<void> {
  for (let round = 0; round < 10 && (await deliverDueWebhooks(db)) > 0; round++);
}
