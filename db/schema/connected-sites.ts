import { sql } from "drizzle-orm";
import { index, pgTable, text, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";
import { apiKeys, merchants, users } from "./accounts";
import { at, createdAt } from "./columns";
import { webhookEndpoints } from "./webhooks";

/**
 * A shop connected from its own admin (the WooCommerce plugin's "Connect" button) instead of by
 * copying keys: the key and webhook endpoint Kassa made for it, and the one-time token the shop
 * exchanges for them. The credentials wait encrypted until that exchange, and are erased by it.
 */
export const connectedSites = pgTable(
  "connected_sites",
  {
    id: varchar("id", { length: 64 }).primaryKey(),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id, { onDelete: "cascade" }),
    siteName: varchar("site_name", { length: 200 }).notNull(),
    platform: varchar("platform", { length: 40 }),
    apiKeyId: uuid("api_key_id")
      .notNull()
      .references(() => apiKeys.id),
    webhookEndpointId: varchar("webhook_endpoint_id", { length: 64 })
      .notNull()
      .references(() => webhookEndpoints.id),
    connectedBy: uuid("connected_by").references(() => users.id, { onDelete: "set null" }),
    /** SHA-256 of the one-time token; the token itself went to the shop in the browser's redirect. */
    exchangeTokenHash: varchar("exchange_token_hash", { length: 64 }).notNull(),
    exchangeExpiresAt: at("exchange_expires_at").notNull(),
    /** The API key secret and webhook secret under AES-GCM until the shop collects them, then null. */
    pendingCredentials: text("pending_credentials"),
    exchangedAt: at("exchanged_at"),
    disconnectedAt: at("disconnected_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("connected_sites_exchange_token_key").on(t.exchangeTokenHash),
    index("connected_sites_merchant_idx").on(t.merchantId).where(sql`${t.disconnectedAt} is null`),
  ],
);

export type ConnectedSite = typeof connectedSites.$inferSelect;
