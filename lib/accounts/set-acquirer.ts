import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { merchantAcquirers, type MerchantAcquirer } from "@/db/schema";
import { acquirerDefinition, ACQUIRERS } from "@/lib/checkout/processors/registry";
import { seal } from "@/lib/crypto/sealed";
import { AppError } from "@/lib/errors/app-error";
import type { SetAcquirerInput } from "./inputs";
import { acquirerWebhookUrl } from "@/lib/checkout/processors/webhook-url";
import { findAcquirer } from "./get-acquirer";
import { forgetMerchantPrincipals } from "./principal-cache";

/**
 * Sets (or replaces) where the merchant's live payments go. The key is checked for its shape, sealed,
 * and never shown again: only its last four characters are kept in the clear. The webhook secret is
 * required the first time; later it is kept when none is given, so rotating the key alone does not
 * stop the acquirer's webhooks.
 */
export async function setAcquirer(db: Db, merchantId: string, input: SetAcquirerInput): Promise<MerchantAcquirer> {
  const definition = acquirerDefinition(input.type);
  if (!definition) {
    throw new AppError("parameter_invalid", `type must be one of ${ACQUIRERS.map((known) => known.type).join(", ")}.`, { param: "type" });
  }
  const keyProblem = definition.checkSecretKey(input.secret_key);
  if (keyProblem) throw new AppError("parameter_invalid", `secret_key ${keyProblem}.`, { param: "secret_key" });
  const webhookSecret = input.webhook_secret || null;
  const secretProblem = webhookSecret && definition.checkWebhookSecret(webhookSecret);
  if (secretProblem) throw new AppError("parameter_invalid", `webhook_secret ${secretProblem}.`, { param: "webhook_secret" });
  // The acquirer's webhooks are how a late answer is settled, or a late approval of a payment Kassa
  // declined is given back: live money without them could stay charged unseen.
  const current = await findAcquirer(db, merchantId);
  if (!webhookSecret && current?.type !== definition.type) {
    throw new AppError("parameter_missing", `webhook_secret is required: ${definition.webhookSecretHint} ${acquirerWebhookUrl(definition.type)}.`, { param: "webhook_secret" });
  }
  const values = {
    type: definition.type,
    secretCiphertext: seal(input.secret_key, "acquirer-secret"),
    secretLast4: input.secret_key.slice(-4),
    ...(webhookSecret ? { webhookSecretCiphertext: seal(webhookSecret, "acquirer-secret") } : {}),
  };
  const [saved] = await db
    .insert(merchantAcquirers)
    .values({ merchantId, ...values })
    .onConflictDoUpdate({
      target: merchantAcquirers.merchantId,
      // Another acquirer's webhook secret means nothing to this one.
      set: { ...values, updatedAt: sql`now()`, ...(webhookSecret ? {} : { webhookSecretCiphertext: sql`case when ${merchantAcquirers.type} = ${definition.type} then ${merchantAcquirers.webhookSecretCiphertext} end` }) },
    })
    .returning();
  forgetMerchantPrincipals(merchantId);
  return saved!;
}
