import { publicUrl } from "@/lib/config/env";

/** Where a merchant points its acquirer's webhooks (in the acquirer's dashboard). */
export function acquirerWebhookUrl(type: string): string {
  return `${publicUrl()}/api/acquirers/${encodeURIComponent(type)}/webhook`;
}
