/**
 * Hours to wait before retrying a declined renewal, one entry per retry (KASSA_RENEWAL_RETRY_HOURS,
 * default 24,72,120,168). With the first charge that makes five tries, after which the renewal's
 * intent fails and the subscription is canceled.
 */
export function renewalRetryHours(): number[] {
  const configured = (process.env.KASSA_RENEWAL_RETRY_HOURS ?? "24,72,120,168").split(",").map(Number);
  return configured.filter((hours) => Number.isFinite(hours) && hours >= 0);
}

export function retryDelaySeconds(failedCharges: number): number {
  const hours = renewalRetryHours();
  return Math.round((hours[Math.min(failedCharges, hours.length) - 1] ?? hours.at(-1) ?? 24) * 3600);
}

/** How long a worker may hold a subscription while it charges it. */
export const RENEWAL_LEASE_SECONDS = 300;
