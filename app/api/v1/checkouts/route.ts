import { createCheckout, listCheckouts } from "@/lib/accounts/checkouts";
import { data, mintDialect } from "@/lib/dialects/mint/dialect";
import { renderCheckout } from "@/lib/dialects/mint/render";
import { createCheckoutBody } from "@/lib/dialects/mint/schemas";
import { apiRoute } from "@/lib/http/api-route";
import { otherMethods } from "@/lib/http/route-methods";

/** mint's checkouts: each with its own name and branding on the hosted page. */
export const GET = apiRoute({
  dialect: mintDialect,
  auth: "secret_key",
  handle: async ({ db, auth }) => data((await listCheckouts(db, auth.owner)).map(renderCheckout)),
});

export const POST = apiRoute({
  dialect: mintDialect,
  auth: "secret_key",
  body: createCheckoutBody,
  handle: async ({ db, auth, body }) => {
    const checkout = await createCheckout(db, auth.owner, {
      name: body.name,
      displayName: body.display_name ?? null,
      brandColor: body.brand_color ?? null,
      logoUrl: body.logo_url ?? null,
    });
    return data(renderCheckout(checkout), 201);
  },
});

export const { PUT, PATCH, DELETE } = otherMethods(mintDialect, { GET, POST });
