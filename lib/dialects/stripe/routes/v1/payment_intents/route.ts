import { create, listAll } from "@/lib/dialects/stripe/operations/payment-intents";
import { stripeDialect } from "@/lib/dialects/stripe/dialect";
import { otherMethods } from "@/lib/http/route-methods";

export const POST = create;
export const GET = listAll;
export const { PUT, PATCH, DELETE } = otherMethods(stripeDialect, { POST, GET });
