import { listAll } from "@/lib/dialects/stripe/operations/events";
import { stripeDialect } from "@/lib/dialects/stripe/dialect";
import { otherMethods } from "@/lib/http/route-methods";

export const GET = listAll;
export const { POST, PUT, PATCH, DELETE } = otherMethods(stripeDialect, { GET });
