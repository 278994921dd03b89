import { AsyncLocalStorage } from "node:async_hooks";
import { eq, sql } from "drizzle-orm";
import { testClocks } from "@/db/schema";
import type { Db } from "@/db/client";

/** The time a test clock runs a change at, for the code of that change (and nothing else running meanwhile). */
const clockTime = new AsyncLocalStorage<Date>();

/** Now, or a test clock's time inside onClockTime: what an event is stamped with. */
export function currentTime(): Date {
  const frozen = clockTime.getStore();
  return frozen ? new Date(frozen.getTime()) : new Date();
}

/** Whether the caller runs on a test clock's time (inside onClockTime). */
export function onAClock(): boolean {
  return clockTime.getStore() !== undefined;
}

/**
 * Runs `change` in one transaction whose time is `time`: SQL's kassa_now() (migration 0024) and
 * currentTime() both answer it, so the change and its events are stamped with the clock's time. The
 * setting is local to the transaction, so no other request ever sees it.
 */
export function onClockTime<T>(db: Db, time: Date, change: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('kassa.now', ${time.toISOString()}, true)`);
    const result = await clockTime.run(time, () => change(tx));
    // Called inside a transaction already open (a savepoint), the setting would outlive it until the
    // outer commit: the rest of that transaction runs on real time again. (A failed change rolls the
    // savepoint back, and the setting with it.)
    await tx.execute(sql`select set_config('kassa.now', '', true)`);
    return result;
  });
}

/** Runs `work` outside any clock's time: what a change only sets going (the webhook worker's wake-up) must not inherit it. */
export function outsideClock<T>(work: () => T): T {
  return clockTime.exit(work);
}

/**
 * Runs `change` on the time of the test clock `clockId` when there is one (and the caller is not on
 * a clock already); as it is, with no transaction, for everything else.
 */
export async function onClockOf<T>(db: Db, clockId: string | null | undefined, change: (db: Db) => Promise<T>): Promise<T> {
  if (!clockId || onAClock()) return change(db);
  const [clock] = await db.select({ frozenTime: testClocks.frozenTime }).from(testClocks).where(eq(testClocks.id, clockId));
  return clock ? onClockTime(db, clock.frozenTime, change) : change(db);
}
