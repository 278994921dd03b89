import type { Dialect } from "@/db/schema";
import type { Snippet, SnippetContext } from "@/lib/dashboard/snippet";
import type { ApiDialect } from "@/lib/http/dialect";
import type { ReferenceDefinition, RouteModule } from "@/lib/openapi/build-document";
import type { WebhookFormat } from "@/lib/webhooks/webhook-format";

/**
 * Everything one seed API decides, in one place: how its requests authenticate and its errors look,
 * which paths it owns, how its ids look, how its webhooks read and are signed, its API reference and
 * its dashboard snippet. The core asks the definition of an intent's own dialect and never names one;
 * every list of dialects (references, routes, snippets) is derived from the registry.
 */
export type DialectDefinition = {
  name: Dialect;
  api: ApiDialect;
  /**
   * Kassa's own API: what the dashboard, payment links and the demo create intents in, and what an
   * event about no intent speaks. Exactly one dialect says so.
   */
  isDefault?: true;
  /** Path prefixes this dialect owns: an unknown path under one answers in this dialect's envelope. */
  pathPrefixes: readonly string[];
  newIntentId(): string;
  /** The intent's client secret, when its integrations expect a shape of their own. */
  newClientSecret?(intentId: string): string;
  /** Query parameters its integrations read on the way back to the merchant, beside `payment_intent`. */
  returnParams?(intentId: string): Record<string, string>;
  /** What `{CHECKOUT_SESSION_ID}` in a return URL becomes; the intent's id unless the dialect's sessions have ids of their own. */
  checkoutSessionId?(intentId: string): string;
  /**
   * Its shops read a payment's status by id alone, without the client secret (seed 002's demo shop
   * does, on its success page). Intents of other dialects need the secret to be read publicly.
   */
  publicReadById?: boolean;
  /**
   * Its checkout opens on paying with a stablecoin when the merchant can take one (MutoPay is a
   * stablecoin checkout); the card is the other way, not the first.
   */
  leadsWithStablecoin?: true;
  /** Its reference_id is unique per merchant: a second intent with the same one is refused, and it can be looked up by it. */
  uniqueReferences?: boolean;
  webhook: WebhookFormat;
  /** Its OpenAPI document, served at /api/openapi/{name}.json and shown at /docs. */
  reference?: ReferenceDefinition;
  /** A first request to copy, shown on the dashboard's snippets page. */
  snippet?(context: SnippetContext): Omit<Snippet, "dialect">;
  /**
   * Routes it serves from its own folder rather than from files under app/, answered by the catch-all
   * routes through lib/http/dialect-routes.ts. Loaded on first use: they call the core, and the core
   * asks this registry, so importing them here would close a circle.
   */
  routes?: () => Promise<readonly RouteModule[]>;
};
