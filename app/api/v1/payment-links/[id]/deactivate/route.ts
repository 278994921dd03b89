import { nativeDialect } from "@/lib/dialects/native/dialect";
import { renderPaymentLink } from "@/lib/dialects/native/render-payment-link";
import { objectParams } from "@/lib/dialects/native/schemas";
import { ok } from "@/lib/http/api-result";
import { apiRoute } from "@/lib/http/api-route";
import { otherMethods } from "@/lib/http/route-methods";
import { deactivatePaymentLink } from "@/lib/payment-links/deactivate-payment-link";

/** Its page stops making checkouts; payments already started through it go on. */
export const POST = apiRoute({
  dialect: nativeDialect,
  auth: "secret_key",
  params: objectParams,
  handle: async ({ db, auth, params }) => ok(renderPaymentLink(await deactivatePaymentLink(db, auth.owner, params.id))),
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(nativeDialect, { POST });
