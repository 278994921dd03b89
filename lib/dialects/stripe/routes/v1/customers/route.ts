import { createCustomer, listCustomers } from "@/lib/dialects/stripe/operations/catalog";
import { stripeDialect } from "@/lib/dialects/stripe/dialect";
import { otherMethods } from "@/lib/http/route-methods";

export const POST = createCustomer;
export const GET = listCustomers;
export const { PUT, PATCH, DELETE } = otherMethods(stripeDialect, { POST, GET });
