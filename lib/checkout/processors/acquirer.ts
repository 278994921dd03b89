import type { CardProcessor } from "../processor";

/** What a merchant saves for an acquirer: its API key, and the secret its webhooks are signed with. */
export type AcquirerCredentials = { secretKey: string; webhookSecret: string | null };

/**
 * One acquirer Kassa can send a merchant's live payments to (Medusa's payment providers and cal.com's
 * payment apps are the models): how to check what the merchant saves, how to talk to it, and how to
 * read its webhooks. Listed once, in registry.ts.
 */
export interface AcquirerDefinition {
  /** The name merchants give it (`PUT /api/v1/merchants/{id}/acquirer {"type": …}`). */
  readonly type: string;
  readonly label: string;
  /** What a secret key looks like, said as a merchant would understand it. */
  readonly secretKeyHint: string;
  readonly webhookSecretHint: string;
  /** Why this secret key cannot be one (a test key for live money, a publishable key), or null. */
  checkSecretKey(secretKey: string): string | null;
  checkWebhookSecret(secret: string): string | null;
  processor(credentials: AcquirerCredentials): CardProcessor;
  readonly webhook: AcquirerWebhook;
}

/**
 * The acquirer's own webhooks, which bring answers Kassa did not wait for (a timeout, a bank that
 * took its time). Kassa reads which attempt a webhook is about before it knows whose it is, then
 * checks its signature with that merchant's secret, and acts only on a verified one.
 */
export interface AcquirerWebhook {
  /** Kassa's attempt id the (not yet verified) body is about, or null for one Kassa has nothing to do with. */
  referenceOf(rawBody: string): string | null;
  /**
   * Whether the (verified) body tells of a finished payment: approved, declined or canceled. Others
   * (a challenge just shown, a payment just created) change nothing, and must not: the buyer may
   * still be on the bank's page.
   */
  isFinal(rawBody: string): boolean;
  verify(rawBody: string, headers: Headers, secret: string): boolean;
}
