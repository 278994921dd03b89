import { bigint, index, pgTable, varchar } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";

/**
 * Failed sign-ins (API login and dashboard alike) of the last minutes, by account and by client
 * address, so limits can tell a stranger's flood from the owner signing in elsewhere. The email is
 * kept only as a hash, since most failures name accounts that do not exist.
 */
export const signInFailures = pgTable(
  "sign_in_failures",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    emailHash: varchar("email_hash", { length: 64 }).notNull(),
    address: varchar("address", { length: 64 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("sign_in_failures_address_idx").on(t.address, t.createdAt), index("sign_in_failures_email_idx").on(t.emailHash, t.createdAt)],
);
