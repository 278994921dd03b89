import { nativeDialect } from "@/lib/dialects/native/dialect";
import { renderPaymentLink } from "@/lib/dialects/native/render-payment-link";
import { objectParams } from "@/lib/dialects/native/schemas";
import { ok } from "@/lib/http/api-result";
import { apiRoute } from "@/lib/http/api-route";
import { otherMethods } from "@/lib/http/route-methods";
import { getPaymentLink } from "@/lib/payment-links/get-payment-link";

export const GET = apiRoute({
  dialect: nativeDialect,
  auth: "secret_key",
  params: objectParams,
  handle: async ({ db, auth, params }) => ok(renderPaymentLink(await getPaymentLink(db, auth.owner, params.id))),
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(nativeDialect, { GET });
