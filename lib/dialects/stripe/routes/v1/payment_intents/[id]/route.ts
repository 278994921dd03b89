import { retrieve, update } from "@/lib/dialects/stripe/operations/payment-intents";
import { stripeDialect } from "@/lib/dialects/stripe/dialect";
import { otherMethods } from "@/lib/http/route-methods";

export const GET = retrieve;
export const POST = update;
export const { PUT, PATCH, DELETE } = otherMethods(stripeDialect, { GET, POST });
