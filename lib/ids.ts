import { randomBase62 } from "./crypto/tokens";

export type IdPrefix = "pi" | "pay" | "pa" | "tok" | "evt" | "sub" | "re" | "chk" | "site" | "em" | "plink" | "ctx";

/** Stripe-style ids: a prefix that says what it is, then 24 random base62 characters. */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomBase62(24)}`;
}
