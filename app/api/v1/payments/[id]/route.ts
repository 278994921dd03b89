import { getIntent } from "@/lib/intents/get-intent";
import { shopDialect } from "@/lib/dialects/shop/dialect";
import { renderPayment } from "@/lib/dialects/shop/render";
import { paymentParams } from "@/lib/dialects/shop/schemas";
import { ok } from "@/lib/http/api-result";
import { apiRoute } from "@/lib/http/api-route";
import { otherMethods } from "@/lib/http/route-methods";

export const GET = apiRoute({
  dialect: shopDialect,
  auth: "secret_key",
  params: paymentParams,
  handle: async ({ db, auth, params }) => ok(renderPayment(await getIntent(db, auth.owner, params.id))),
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(shopDialect, { GET });
