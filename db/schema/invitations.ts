import { sql } from "drizzle-orm";
import { pgTable, timestamp, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";
import { memberRole, merchants, users } from "./accounts";
import { at, createdAt } from "./columns";

/**
 * An invitation to join a merchant's team, for someone without an account yet. Kassa sends no email:
 * the inviter shares the link, whose token is stored only as a hash, and it is accepted by signing
 * in with the invited email. A link works for seven days; existing accounts join only by accepting it.
 */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id, { onDelete: "cascade" }),
    email: varchar("email", { length: 254 }).notNull(),
    role: memberRole("role").notNull(),
    tokenHash: varchar("token_hash", { length: 64 }).notNull(),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" })
      .notNull()
      .default(sql`now() + interval '7 days'`),
    acceptedAt: at("accepted_at"),
    revokedAt: at("revoked_at"),
  },
  (t) => [
    uniqueIndex("invitations_pending_key")
      .on(t.merchantId, t.email)
      .where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
    uniqueIndex("invitations_token_key").on(t.tokenHash),
  ],
);

export type Invitation = typeof invitations.$inferSelect;
