import { deleteStripeTestClock, retrieveStripeTestClock } from "@/lib/dialects/stripe/operations/test-clocks";
import { stripeDialect } from "@/lib/dialects/stripe/dialect";
import { otherMethods } from "@/lib/http/route-methods";

export const GET = retrieveStripeTestClock;
export const DELETE = deleteStripeTestClock;
export const { POST, PUT, PATCH } = otherMethods(stripeDialect, { GET, DELETE });
