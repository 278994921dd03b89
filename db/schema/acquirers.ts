import { pgTable, uuid, varchar, text } from "drizzle-orm/pg-core";
import { merchants } from "./accounts";
import { createdAt, updatedAt } from "./columns";

/**
 * The acquirer a merchant's live payments go to (lib/checkout/processors): which kind, and the
 * credentials for it, sealed with a key from AUTH_SECRET like webhook secrets. Only the last four
 * characters of the key are ever shown again.
 */
export const merchantAcquirers = pgTable("merchant_acquirers", {
  merchantId: uuid("merchant_id")
    .primaryKey()
    .references(() => merchants.id, { onDelete: "cascade" }),
  /** The processor's name, as lib/checkout/processors/registry.ts lists them. */
  type: varchar("type", { length: 32 }).notNull(),
  secretCiphertext: text("secret_ciphertext").notNull(),
  secretLast4: varchar("secret_last4", { length: 4 }).notNull(),
  /** The acquirer's webhook signing secret, for its late answers (a timeout, an async capture). */
  webhookSecretCiphertext: text("webhook_secret_ciphertext"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export type MerchantAcquirer = typeof merchantAcquirers.$inferSelect;
