import { submitCheckoutForm } from "@/lib/checkout/submit-checkout-form";
import { checkoutFormRoute } from "@/lib/http/checkout-form-route";

/** The card form's plain HTML post, for buyers without JavaScript. Always answers with a 303. */
export const POST = checkoutFormRoute(({ db, intentId, field, request }) =>
  submitCheckoutForm(db, {
    intentId,
    clientSecret: field("client_secret"),
    submissionKey: field("submission_key") || crypto.randomUUID(),
    number: field("number"),
    expiry: field("expiry"),
    cvc: field("cvc"),
    name: field("name"),
    email: field("email"),
    acceptLanguage: request.headers.get("accept-language"),
  }),
);
