import { remove, retrieve, update } from "@/lib/dialects/stripe/operations/webhook-endpoints";
import { stripeDialect } from "@/lib/dialects/stripe/dialect";
import { otherMethods } from "@/lib/http/route-methods";

export const GET = retrieve;
export const POST = update;
export const DELETE = remove;
export const { PUT, PATCH } = otherMethods(stripeDialect, { GET, POST, DELETE });
