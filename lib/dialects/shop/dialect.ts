import { AppError } from "@/lib/errors/app-error";
import { bearerToken, type ApiDialect } from "@/lib/http/dialect";
import { nativeDialect } from "../native/dialect";

/**
 * Seed 003: `Authorization: Bearer <key>`, Stripe-like errors. An inactive shop is a 401 here, like
 * a missing or revoked key, as the seed lists it.
 */
export const shopDialect: ApiDialect = {
  name: "shop",
  credentials(request) {
    const secret = bearerToken(request);
    if (secret) return { secret };
    // A header that is there but malformed is a bad key, not a missing one.
    return request.headers.has("authorization") ? { secret: "" } : null;
  },
  renderError(error) {
    if (error.code === "merchant_suspended") {
      return nativeDialect.renderError(new AppError("unauthenticated", "This shop is inactive."));
    }
    return nativeDialect.renderError(error);
  },
  validationError: (error, input, location) => nativeDialect.validationError(error, input, location),
};
