import { cancel } from "@/lib/dialects/stripe/operations/payment-intents";
import { stripeDialect } from "@/lib/dialects/stripe/dialect";
import { otherMethods } from "@/lib/http/route-methods";

export const POST = cancel;
export const { GET, PUT, PATCH, DELETE } = otherMethods(stripeDialect, { POST });
