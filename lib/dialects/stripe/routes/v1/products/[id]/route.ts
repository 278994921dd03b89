import { retrieveProduct, updateProduct } from "@/lib/dialects/stripe/operations/catalog";
import { stripeDialect } from "@/lib/dialects/stripe/dialect";
import { otherMethods } from "@/lib/http/route-methods";

export const GET = retrieveProduct;
export const POST = updateProduct;
export const { PUT, PATCH, DELETE } = otherMethods(stripeDialect, { GET, POST });
