import { getDb, type Db } from "@/db/client";
import { checkoutPagePath } from "@/lib/checkout/checkout-url";
import { publicUrl } from "@/lib/config/env";
import { randomBase62 } from "@/lib/crypto/tokens";
import { toAppError } from "./api-route";
import { unstorableText } from "./validation";

type FormContext = { db: Db; intentId: string; field: (name: string) => string; request: Request };

/** Ids are at most 64 characters; anything else cannot be an intent. */
const MAX_ID_LENGTH = 64;

/**
 * The wrapper for the checkout page's plain HTML form posts: the handler returns where to send the
 * buyer, and any failure sends them back to the page with an error code instead of a bare 500.
 */
export function checkoutFormRoute(handle: (context: FormContext) => Promise<string>) {
  return async (request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> => {
    const { id } = await params;
    if (id.length > MAX_ID_LENGTH || unstorableText(id)) return new Response("Not found", { status: 404 });
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return new Response("Expected a form post", { status: 400 });
    }
    const values = Object.fromEntries([...form.entries()].map(([name, value]) => [name, typeof value === "string" ? value : ""]));
    const field = (name: string) => (unstorableText(values[name]) ? "" : (values[name] ?? ""));
    let location: string;
    try {
      location = await handle({ db: await getDb(), intentId: id, field, request });
    } catch (error) {
      const appError = toAppError(error, request, `req_${randomBase62(16)}`);
      location = `${checkoutPagePath(id, field("client_secret"))}&error=${appError.code}`;
    }
    return new Response(null, { status: 303, headers: { location: new URL(location, publicUrl()).toString() } });
  };
}
