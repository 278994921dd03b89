import { createPrice, listPrices } from "@/lib/dialects/stripe/operations/catalog";
import { stripeDialect } from "@/lib/dialects/stripe/dialect";
import { otherMethods } from "@/lib/http/route-methods";

export const POST = createPrice;
export const GET = listPrices;
export const { PUT, PATCH, DELETE } = otherMethods(stripeDialect, { POST, GET });
