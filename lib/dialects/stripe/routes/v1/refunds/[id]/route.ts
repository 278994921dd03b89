import { retrieve } from "@/lib/dialects/stripe/operations/refunds";
import { stripeDialect } from "@/lib/dialects/stripe/dialect";
import { otherMethods } from "@/lib/http/route-methods";

export const GET = retrieve;
export const { POST, PUT, PATCH, DELETE } = otherMethods(stripeDialect, { GET });
