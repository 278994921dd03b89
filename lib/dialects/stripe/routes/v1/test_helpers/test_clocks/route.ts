import { createStripeTestClock, listStripeTestClocks } from "@/lib/dialects/stripe/operations/test-clocks";
import { stripeDialect } from "@/lib/dialects/stripe/dialect";
import { otherMethods } from "@/lib/http/route-methods";

export const POST = createStripeTestClock;
export const GET = listStripeTestClocks;
export const { PUT, PATCH, DELETE } = otherMethods(stripeDialect, { POST, GET });
