import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { merchantAcquirers, type MerchantAcquirer, type Mode } from "@/db/schema";
import { unseal } from "@/lib/crypto/sealed";
import type { CardProcessor } from "../processor";
import { getProcessor as simulation } from "../simulated-processor";
import type { AcquirerDefinition } from "./acquirer";
import { stripeAcquirer } from "./stripe";
import { UnavailableProcessor } from "./unavailable-processor";

/** Every acquirer a merchant can choose for live payments. A new one is a folder here and a line in this list. */
export const ACQUIRERS: readonly AcquirerDefinition[] = [stripeAcquirer];

export function acquirerDefinition(type: string): AcquirerDefinition | undefined {
  return ACQUIRERS.find((definition) => definition.type === type);
}

/**
 * Who moves the money for an intent. Test mode: always the simulation. Live mode: the merchant's
 * acquirer, never the simulation; with none (removed after the intent was made) a processor that
 * cannot reach anyone, so the buyer gets a retryable decline and nothing is charged.
 */
export async function processorFor(db: Db, intent: { merchantId: string; mode: Mode }): Promise<CardProcessor> {
  if (intent.mode === "test") return simulation();
  const [row] = await db.select().from(merchantAcquirers).where(eq(merchantAcquirers.merchantId, intent.merchantId));
  const definition = row && acquirerDefinition(row.type);
  if (!row || !definition) return new UnavailableProcessor("This merchant has no acquirer for live payments.");
  return liveProcessor(row, definition);
}

/** One client per merchant and key, so a payment does not build an SDK; bounded, and replaced when the key changes. */
const clients = new Map<string, { sealed: string; processor: CardProcessor }>();
const MAX_CLIENTS = 1000;

function liveProcessor(row: MerchantAcquirer, definition: AcquirerDefinition): CardProcessor {
  const known = clients.get(row.merchantId);
  if (known?.sealed === row.secretCiphertext) return known.processor;
  const processor = definition.processor({
    secretKey: unseal(row.secretCiphertext, "acquirer-secret"),
    webhookSecret: row.webhookSecretCiphertext ? unseal(row.webhookSecretCiphertext, "acquirer-secret") : null,
  });
  clients.delete(row.merchantId);
  clients.set(row.merchantId, { sealed: row.secretCiphertext, processor });
  if (clients.size > MAX_CLIENTS) clients.delete(clients.keys().next().value!);
  return processor;
}
