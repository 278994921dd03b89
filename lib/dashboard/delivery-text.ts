import { plural } from "@/lib/ui/plural";

type DeliveryState = { status: string; attemptCount: number; lastStatusCode: number | null; lastError: string | null };

/** Where a webhook delivery stands and, when it failed, what the endpoint answered: one wording for every dashboard page. */
export function deliveryText(delivery: DeliveryState): string {
  const answer = delivery.lastStatusCode ? `HTTP ${delivery.lastStatusCode}` : (delivery.lastError ?? "no answer");
  switch (delivery.status) {
    case "succeeded":
      return `delivered (HTTP ${delivery.lastStatusCode})`;
    case "failed":
      return `failed after ${plural(delivery.attemptCount, "attempt")}; last answer: ${answer}`;
    case "pending":
    case "delivering":
      return delivery.attemptCount === 0 ? "queued" : `retrying, ${plural(delivery.attemptCount, "attempt")} so far; last answer: ${answer}`;
    default:
      return delivery.status;
  }
}

/** The badge beside it: a delivery that has been tried and will be again is retrying, whether or not one is in flight. */
export function deliveryBadge(delivery: DeliveryState): string {
  if (delivery.status === "pending" || delivery.status === "delivering") return delivery.attemptCount > 0 ? "retrying" : "pending";
  return delivery.status;
}
