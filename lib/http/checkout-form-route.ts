import { getDb, type Db } from "@/db/client";
import { SECRET_URL_HEADERS } from "@/lib/checkout/checkout-policy";
import { checkoutPagePath } from "@/lib/checkout/checkout-url";
import { publicUrl } from "@/lib/config/env";
import { randomBase62 } from "@/lib/crypto/tokens";
import { isAppError } from "@/lib/errors/app-error";
import { toAppError } from "./api-route";
import { readBodyText } from "./read-body";
import type { RouteContext } from "./route-methods";
import { ROUTE_HEADER, routePattern } from "./route-pattern";
import { unstorableText } from "./validation";

type FormContext = { db: Db; intentId: string; field: (name: string) => string; request: Request };

/** Ids are at most 64 characters; anything else cannot be an intent. */
const MAX_ID_LENGTH = 64;
/** The card form is a few hundred bytes; nothing a buyer sends comes near this. */
export const MAX_FORM_BYTES = 16 * 1024;
/** No field of the form is longer (the client secret is the longest); a longer one is not the form's. */
const MAX_FIELD_LENGTH = 128;
/** The fields that may be longer: as long as their inputs' maxlength. */
const LONGER_FIELDS: Record<string, number> = { name: 200, email: 254 };

/**
 * The wrapper for the checkout page's plain HTML form posts: the handler returns where to send the
 * buyer, and any failure sends them back to the page with an error code instead of a bare 500. A
 * body over 16 KB is refused with a 413 before it is read, and no field longer than any real one is
 * ever read, so nothing unbounded can reach the Location header.
 */
export function checkoutFormRoute(handle: (context: FormContext) => Promise<string>) {
  return async (request: Request, { params }: RouteContext): Promise<Response> => {
    const { id: rawId } = await params;
    const id = typeof rawId === "string" ? rawId : "";
    if (id.length > MAX_ID_LENGTH || unstorableText(id)) return new Response("Not found", { status: 404 });
    const values = await readForm(request);
    if (values instanceof Response) return values;
    const field = (name: string) => {
      const value = values.get(name) ?? "";
      return value.length > (LONGER_FIELDS[name] ?? MAX_FIELD_LENGTH) || unstorableText(value) ? "" : value;
    };
    let location: string;
    try {
      location = await handle({ db: await getDb(), intentId: id, field, request });
    } catch (error) {
      const appError = toAppError(error, request, `req_${randomBase62(16)}`);
      location = `${checkoutPagePath(id, field("client_secret"))}&error=${appError.code}`;
    }
    const route = routePattern(new URL(request.url).pathname, { id });
    return new Response(null, { status: 303, headers: { location: new URL(location, publicUrl()).toString(), ...SECRET_URL_HEADERS, [ROUTE_HEADER]: route } });
  };
}

/** The form's fields, or the answer to give when there is no readable form. */
export async function readForm(request: Request): Promise<URLSearchParams | Response> {
  if (!(request.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded")) {
    return new Response("Expected a form post (application/x-www-form-urlencoded).", { status: 400 });
  }
  try {
    return new URLSearchParams(await readBodyText(request, MAX_FORM_BYTES));
  } catch (error) {
    if (isAppError(error) && error.code === "request_too_large") return new Response(`The form is larger than ${MAX_FORM_BYTES / 1024} KB.`, { status: 413 });
    throw error;
  }
}
