import { getIntent } from "@/lib/intents/get-intent";
import { data, mintDialect } from "@/lib/dialects/mint/dialect";
import { renderPayment } from "@/lib/dialects/mint/render";
import { paymentParams } from "@/lib/dialects/mint/schemas";
import { apiRoute } from "@/lib/http/api-route";
import { otherMethods } from "@/lib/http/route-methods";

export const GET = apiRoute({
  dialect: mintDialect,
  auth: "secret_key",
  params: paymentParams,
  handle: async ({ db, auth, params }) => data(renderPayment(await getIntent(db, auth.owner, params.id))),
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(mintDialect, { GET });
