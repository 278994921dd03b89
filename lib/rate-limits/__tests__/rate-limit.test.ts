import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { consumeRateLimit } from "../consume-rate-limit";

/** The process's in-memory windows, swapped to play a second instance against the same database. */
const holder = globalThis as typeof globalThis & { __kassaRateWindows?: Map<string, unknown> };
function asAnotherInstance<T>(run: () => Promise<T>): Promise<T> {
  const mine = holder.__kassaRateWindows;
  holder.__kassaRateWindows = new Map();
  return run().finally(() => void (holder.__kassaRateWindows = mine));
}

const T0 = Date.UTC(2031, 0, 1, 12, 0, 0);
const limit = (n: number) => ({ limit: n, windowSeconds: 60 });

describe("the API rate limit", () => {
  it("allows exactly the limit per window on one instance, then says when to retry", async () => {
    const db = await getDb();
    const key = `test:${Math.random()}`;
    const outcomes = [];
    for (let i = 0; i < 7; i++) outcomes.push(await consumeRateLimit(db, key, limit(5), T0 + 15_000 + i));
    expect(outcomes.map((outcome) => outcome.allowed)).toEqual([true, true, true, true, true, false, false]);
    expect(outcomes[5]).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 45 });
    // A new window starts from zero.
    expect((await consumeRateLimit(db, key, limit(5), T0 + 60_000)).allowed).toBe(true);
  });

  it("holds across instances: each learns the others' count when it shares its own", async () => {
    const db = await getDb();
    const key = `test:${Math.random()}`;
    for (let i = 0; i < 3; i++) await consumeRateLimit(db, key, limit(6), T0 + i);
    // 150 ms later this instance shares what it counted since.
    await consumeRateLimit(db, key, limit(6), T0 + 150);
    const elsewhere = await asAnotherInstance(async () => {
      const answers = [];
      for (let i = 0; i < 3; i++) answers.push((await consumeRateLimit(db, key, limit(6), T0 + 160 + i)).allowed);
      return answers;
    });
    // The other instance knew of the first four, so it let two more through and refused the third.
    expect(elsewhere).toEqual([true, true, false]);
  });
});
