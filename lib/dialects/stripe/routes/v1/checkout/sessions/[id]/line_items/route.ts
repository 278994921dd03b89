import { lineItems } from "@/lib/dialects/stripe/operations/checkout-sessions";
import { stripeDialect } from "@/lib/dialects/stripe/dialect";
import { otherMethods } from "@/lib/http/route-methods";

export const GET = lineItems;
export const { POST, PUT, PATCH, DELETE } = otherMethods(stripeDialect, { GET });
