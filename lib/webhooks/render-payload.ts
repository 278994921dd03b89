import type { Db } from "@/db/client";
import type { Dialect } from "@/db/schema";
import type { NewEvent } from "@/lib/events/record-event";
import { mintWebhook } from "@/lib/dialects/mint/webhook";
import { mintroWebhook } from "@/lib/dialects/mintro/webhook";
import { mutopayWebhook } from "@/lib/dialects/mutopay/webhook";
import { nativeWebhook } from "@/lib/dialects/native/webhook";
import { shopWebhook } from "@/lib/dialects/shop/webhook";

export type WebhookSubject = NewEvent & { id: string; createdAt: Date };
export type WebhookRenderer = (db: Db, event: WebhookSubject) => Promise<Record<string, unknown>>;

const RENDERERS: Record<Dialect, WebhookRenderer> = {
  native: nativeWebhook,
  mintro: mintroWebhook,
  mint: mintWebhook,
  shop: shopWebhook,
  mutopay: mutopayWebhook,
};

/** The webhook body in the dialect that created the intent (or subscription), so its integration reads it. */
export function renderWebhookPayload(db: Db, event: WebhookSubject): Promise<Record<string, unknown>> {
  const dialect = event.intent?.dialect ?? event.subscription?.dialect ?? "native";
  return RENDERERS[dialect](db, event);
}
