import { randomUUID } from "node:crypto";
import type { Dialect } from "@/db/schema";
import { newId } from "@/lib/ids";

/** Ids look like each seed's: mintro's pi_<uuid>, mint's, shop's and mutopay's pay_…, native pi_…. */
export function newIntentId(dialect: Dialect): string {
  switch (dialect) {
    case "mintro":
      return `pi_${randomUUID()}`;
    case "mint":
    case "shop":
    case "mutopay":
      return newId("pay");
    case "native":
      return newId("pi");
  }
}
