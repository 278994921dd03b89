import { createProduct, listProducts } from "@/lib/dialects/stripe/operations/catalog";
import { stripeDialect } from "@/lib/dialects/stripe/dialect";
import { otherMethods } from "@/lib/http/route-methods";

export const POST = createProduct;
export const GET = listProducts;
export const { PUT, PATCH, DELETE } = otherMethods(stripeDialect, { POST, GET });
