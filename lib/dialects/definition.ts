import type { Dialect } from "@/db/schema";
import type { ApiDialect } from "@/lib/http/dialect";
import type { WebhookFormat } from "@/lib/webhooks/webhook-format";

/**
 * Everything one seed API decides, in one place: how its requests authenticate and its errors look,
 * which paths it owns, how its ids look, and how its webhooks read and are signed. The core asks the
 * definition of an intent's own dialect and never names one.
 */
export type DialectDefinition = {
  name: Dialect;
  api: ApiDialect;
  /** Path prefixes this dialect owns: an unknown path under one answers in this dialect's envelope. */
  pathPrefixes: readonly string[];
  newIntentId(): string;
  /** The intent's client secret, when its integrations expect a shape of their own. */
  newClientSecret?(intentId: string): string;
  /** Query parameters its integrations read on the way back to the merchant, beside `payment_intent`. */
  returnParams?(intentId: string): Record<string, string>;
  /**
   * Its shops read a payment's status by id alone, without the client secret (seed 002's demo shop
   * does, on its success page). Intents of other dialects need the secret to be read publicly.
   */
  publicReadById?: boolean;
  webhook: WebhookFormat;
};
