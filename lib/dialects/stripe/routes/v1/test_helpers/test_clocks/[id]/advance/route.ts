import { advanceStripeTestClock } from "@/lib/dialects/stripe/operations/test-clocks";
import { stripeDialect } from "@/lib/dialects/stripe/dialect";
import { otherMethods } from "@/lib/http/route-methods";

export const POST = advanceStripeTestClock;
export const { GET, PUT, PATCH, DELETE } = otherMethods(stripeDialect, { POST });
