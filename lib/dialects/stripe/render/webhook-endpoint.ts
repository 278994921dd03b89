import type { WebhookEndpoint } from "@/db/schema";
import { STRIPE_API_VERSION } from "../dialect";
import { unix } from "./common";

/** A WebhookEndpoint; its secret only in the answer that created it. */
export function renderWebhookEndpoint(endpoint: WebhookEndpoint, secret?: string) {
  return {
    id: endpoint.id,
    object: "webhook_endpoint",
    api_version: typeof endpoint.dialectData.api_version === "string" ? endpoint.dialectData.api_version : STRIPE_API_VERSION,
    application: null,
    created: unix(endpoint.createdAt),
    description: endpoint.description,
    enabled_events: endpoint.events.length === 0 ? ["*"] : endpoint.events,
    livemode: endpoint.mode === "live",
    metadata: endpoint.metadata,
    ...(secret ? { secret } : {}),
    status: endpoint.enabled ? "enabled" : "disabled",
    url: endpoint.url,
  };
}
