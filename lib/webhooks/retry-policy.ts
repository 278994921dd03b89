/**
 * When to try a failed delivery again: exponential backoff from KASSA_WEBHOOK_RETRY_BASE_MS (30 s),
 * capped at KASSA_WEBHOOK_RETRY_MAX_MS (12 h), with ±25% jitter so a receiver coming back up is not
 * hit by every retry at once. 16 attempts span about three days; tests shrink the base.
 */
export function webhookRetryPolicy() {
  const timeoutMs = Number(process.env.KASSA_WEBHOOK_TIMEOUT_MS ?? 15_000);
  return {
    baseMs: Number(process.env.KASSA_WEBHOOK_RETRY_BASE_MS ?? 30_000),
    maxMs: Number(process.env.KASSA_WEBHOOK_RETRY_MAX_MS ?? 12 * 3600_000),
    maxAttempts: Number(process.env.KASSA_WEBHOOK_MAX_ATTEMPTS ?? 16),
    timeoutMs,
    /** How long a worker holds a delivery; always longer than the timeout, so a live worker never loses it. */
    leaseSeconds: Math.max(Number(process.env.KASSA_WEBHOOK_LEASE_SECONDS ?? 60), Math.ceil(timeoutMs / 1000) + 1),
  };
}

/** Delay before attempt `attempt + 1`, after `attempt` attempts have failed. */
export function retryDelayMs(attempt: number, random = Math.random): number {
  const { baseMs, maxMs } = webhookRetryPolicy();
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential * (0.75 + random() * 0.5));
}
