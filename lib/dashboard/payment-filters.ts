import { z } from "zod";
import { registeredDialects } from "@/lib/dialects/registry";
import { PAYMENT_STATUSES } from "./payment-status";
import type { PaymentSearch } from "./search-payments";

/** A calendar day that exists: 2024-02-30 has the right shape but would fail in the database. */
const day = z.iso.date();

const DIALECT_NAMES = registeredDialects().map((definition) => definition.name) as [string, ...string[]];

/** The payments list's query string; a value that does not parse is simply not applied. */
const filters = z.object({
  status: z.enum(PAYMENT_STATUSES).optional().catch(undefined),
  dialect: z.enum(DIALECT_NAMES).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  link: z.string().regex(/^plink_[A-Za-z0-9]{1,58}$/).optional().catch(undefined),
  after: z.string().max(64).optional().catch(undefined),
  before: z.string().max(64).optional().catch(undefined),
});

export function parsePaymentFilters(query: Record<string, string | string[] | undefined>): PaymentSearch {
  const flat = Object.fromEntries(Object.entries(query).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value || undefined]));
  const parsed = filters.parse(flat);
  return { ...parsed, q: parsed.q?.replace(/\u0000/g, "") || undefined };
}
