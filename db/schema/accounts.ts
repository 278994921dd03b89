import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";
import { at, createdAt, updatedAt, mode } from "./columns";

export const merchantStatus = pgEnum("merchant_status", ["active", "suspended"]);
export const memberRole = pgEnum("member_role", ["owner", "admin", "developer", "viewer"]);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // Stored lower-cased so uniqueness is case-insensitive without citext.
    email: varchar("email", { length: 254 }).notNull(),
    name: varchar("name", { length: 200 }).notNull(),
    passwordHash: text("password_hash").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email)],
);

export const merchants = pgTable("merchants", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: varchar("name", { length: 200 }).notNull(),
  displayName: varchar("display_name", { length: 200 }),
  status: merchantStatus("status").notNull().default("active"),
  brandColor: varchar("brand_color", { length: 7 }),
  logoUrl: text("logo_url"),
  allowedOrigins: jsonb("allowed_origins").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  /** Smallest amount per currency, in minor units, that this merchant accepts ({"USD": 500}). */
  minimumAmounts: jsonb("minimum_amounts").$type<Record<string, number>>().notNull().default(sql`'{}'::jsonb`),
  /** Email the buyer a receipt when a payment with a customer email succeeds or is refunded. */
  receiptsEnabled: boolean("receipts_enabled").notNull().default(true),
  /**
   * The merchant's own wallet for stablecoin payments, as a BIP-32 extended public key: Kassa derives
   * one deposit address per payment from it and never holds a private key. One merchant per wallet,
   * so two merchants can never be handed the same address.
   */
  stablecoinXpub: varchar("stablecoin_xpub", { length: 120 }),
  /** The next derivation index (m/…/0/i) to hand out; only ever goes up, so no address is given twice. */
  stablecoinNextIndex: integer("stablecoin_next_index").notNull().default(0),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [uniqueIndex("merchants_stablecoin_xpub_key").on(t.stablecoinXpub).where(sql`${t.stablecoinXpub} is not null`)]);

export const memberships = pgTable(
  "memberships",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id, { onDelete: "cascade" }),
    role: memberRole("role").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.merchantId] }), index("memberships_merchant_idx").on(t.merchantId)],
);

export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id, { onDelete: "cascade" }),
    label: varchar("label", { length: 100 }),
    mode: mode(),
    /** Public half, sent as mintro's X-Client-ID. */
    clientId: varchar("client_id", { length: 64 }).notNull(),
    /** SHA-256 of the secret; the secret itself is shown once and never stored. */
    secretHash: varchar("secret_hash", { length: 64 }).notNull(),
    /** Enough of the secret to recognise it in a list, never enough to use it. */
    secretHint: varchar("secret_hint", { length: 32 }).notNull(),
    createdAt: createdAt(),
    lastUsedAt: at("last_used_at"),
    revokedAt: at("revoked_at"),
  },
  (t) => [
    uniqueIndex("api_keys_client_id_key").on(t.clientId),
    uniqueIndex("api_keys_secret_hash_key").on(t.secretHash),
    index("api_keys_merchant_idx").on(t.merchantId),
  ],
);

export type User = typeof users.$inferSelect;
export type Merchant = typeof merchants.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type ApiKey = typeof apiKeys.$inferSelect;
export type MemberRole = (typeof memberRole.enumValues)[number];
