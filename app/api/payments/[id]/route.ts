import { getIntent } from "@/lib/intents/get-intent";
import { mutopayDialect } from "@/lib/dialects/mutopay/dialect";
import { renderPayment } from "@/lib/dialects/mutopay/render";
import { paymentParams } from "@/lib/dialects/mutopay/schemas";
import { ok } from "@/lib/http/api-result";
import { apiRoute } from "@/lib/http/api-route";
import { otherMethods } from "@/lib/http/route-methods";

export const GET = apiRoute({
  dialect: mutopayDialect,
  auth: "secret_key",
  params: paymentParams,
  handle: async ({ db, auth, params }) => ok(renderPayment(await getIntent(db, auth.owner, params.id))),
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(mutopayDialect, { GET });
