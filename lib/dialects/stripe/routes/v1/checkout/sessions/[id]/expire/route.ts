import { expire } from "@/lib/dialects/stripe/operations/checkout-sessions";
import { stripeDialect } from "@/lib/dialects/stripe/dialect";
import { otherMethods } from "@/lib/http/route-methods";

export const POST = expire;
export const { GET, PUT, PATCH, DELETE } = otherMethods(stripeDialect, { POST });
