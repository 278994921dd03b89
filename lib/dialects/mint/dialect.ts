import type { ApiDialect } from "@/lib/http/dialect";
import { bearerToken } from "@/lib/http/dialect";
import type { ApiResult } from "@/lib/http/api-result";
import { nativeDialect } from "../native/dialect";

/**
 * Seed 000: the secret key in `x-api-key` (a Bearer header works too), results as `{"data": …}`.
 * The seed shows no error body, and its Express example forwards whatever comes, so errors use the
 * same `{"error":{type,code,message,param}}` as the native API.
 */
export const mintDialect: ApiDialect = {
  name: "mint",
  credentials(request) {
    const secret = request.headers.get("x-api-key")?.trim() || bearerToken(request);
    return secret ? { secret } : null;
  },
  renderError: (error) => nativeDialect.renderError(error),
  validationError: (error, input, location) => nativeDialect.validationError(error, input, location),
};

export const data = (body: unknown, status = 200): ApiResult => ({ status, body: { data: body } });
