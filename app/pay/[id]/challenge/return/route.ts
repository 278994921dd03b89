import { afterChallengePath } from "@/lib/checkout/after-challenge";
import { completeChallenge } from "@/lib/checkout/challenge-attempt";
import { SECRET_URL_HEADERS } from "@/lib/checkout/checkout-policy";
import { checkoutPagePath } from "@/lib/checkout/checkout-url";
import { publicUrl } from "@/lib/config/env";
import { isAppError } from "@/lib/errors/app-error";
import { checkoutPageRoute, INTENT_ID, otherPageMethods } from "@/lib/http/checkout-page-route";

/**
 * Where a live acquirer's 3-D Secure page sends the buyer back to. The acquirer, not this request,
 * says how the challenge went (the buyer's browser could claim anything), and the attempt settles
 * once whichever of this and the acquirer's webhook comes first.
 */
const GET = checkoutPageRoute({ param: "id", pattern: INTENT_ID, clientSecret: "required", what: "challenge return" }, async ({ db, param: id, clientSecret }) => {
  let location: string;
  try {
    location = afterChallengePath(await completeChallenge(db, { intentId: id, clientSecret, authenticated: true }), clientSecret!);
  } catch (error) {
    // Settled already (the webhook was first, or a reload): the page says how it ended.
    if (!isAppError(error) || error.code === "client_secret_invalid") throw error;
    location = checkoutPagePath(id, clientSecret!);
  }
  return new Response(null, { status: 303, headers: { location: new URL(location, publicUrl()).toString(), ...SECRET_URL_HEADERS } });
});

export { GET };
export const { POST, PUT, PATCH, DELETE } = otherPageMethods({ GET });
