import { retrievePrice, updatePrice } from "@/lib/dialects/stripe/operations/catalog";
import { stripeDialect } from "@/lib/dialects/stripe/dialect";
import { otherMethods } from "@/lib/http/route-methods";

export const GET = retrievePrice;
export const POST = updatePrice;
export const { PUT, PATCH, DELETE } = otherMethods(stripeDialect, { GET, POST });
