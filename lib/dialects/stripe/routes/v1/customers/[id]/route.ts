import { retrieveCustomer, updateCustomer } from "@/lib/dialects/stripe/operations/catalog";
import { stripeDialect } from "@/lib/dialects/stripe/dialect";
import { otherMethods } from "@/lib/http/route-methods";

export const GET = retrieveCustomer;
export const POST = updateCustomer;
export const { PUT, PATCH, DELETE } = otherMethods(stripeDialect, { GET, POST });
