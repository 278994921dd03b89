import { outsideClock } from "@/lib/test-clocks/clock-context";

const holder = globalThis as typeof globalThis & { __kassaWorkerNudge?: () => void };

/**
 * Wakes this process's worker early, so a webhook goes out right after the change that caused it
 * instead of at the next poll. Harmless before commit: the worker just finds nothing yet and polls.
 */
export function nudgeWorker(): void {
  const nudge = holder.__kassaWorkerNudge;
  // The worker's sends are not part of the change that woke it, even one a test clock runs.
  if (nudge) outsideClock(nudge);
}

export function onNudge(listener: () => void): void {
  holder.__kassaWorkerNudge = listener;
}
