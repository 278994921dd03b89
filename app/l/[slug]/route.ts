import { getDb } from "@/db/client";
import { renderCheckoutErrorPage } from "@/components/checkout/error-page";
import { renderLinkChoicePage, renderLinkInactivePage, type LinkFormError } from "@/components/payment-links/link-page";
import { checkoutPageHeaders, newScriptNonce, NOBODY, SECRET_URL_HEADERS } from "@/lib/checkout/checkout-policy";
import { checkoutPagePath } from "@/lib/checkout/checkout-url";
import { publicUrl } from "@/lib/config/env";
import { isAppError } from "@/lib/errors/app-error";
import { describeError } from "@/lib/errors/log-error";
import { readForm } from "@/lib/http/checkout-form-route";
import { clientAddress } from "@/lib/http/client-address";
import { otherMethods, type RouteContext } from "@/lib/http/route-methods";
import { nativeDialect } from "@/lib/dialects/native/dialect";
import { negotiateLocale } from "@/lib/i18n/locales";
import { decimalToMinor } from "@/lib/money/decimal";
import { findLinkBySlug, type PublicPaymentLink } from "@/lib/payment-links/find-link-by-slug";
import { payableRange, type PayableRange } from "@/lib/payment-links/payable-range";
import { linkAsksBuyer, openPaymentLink, type LinkChoice } from "@/lib/payment-links/open-payment-link";
import { consumeRateLimit } from "@/lib/rate-limits/consume-rate-limit";

/** Checkouts one address may open through links per minute: plenty for people, not for a script filling the table. */
const OPENS_PER_MINUTE = { limit: 30, windowSeconds: 60 };

/** Where the buyer goes next, a page to show (drawn with the response's nonce), or too many opens. */
type Page = { location: string } | { status: number; html: (nonce: string) => string } | { rateLimited: true };

/**
 * A payment link's public page. Each visit makes a fresh payment intent and goes on to the normal
 * checkout; a link whose price the buyer completes (an amount, a quantity) asks first. A link that
 * was turned off says so, with 410.
 */
async function GET(request: Request, context: RouteContext): Promise<Response> {
  return answer(request, context, async (found, range) => (linkAsksBuyer(found.link) ? choicePage(request, found, range, null, "") : open(request, found, {})));
}

async function POST(request: Request, context: RouteContext): Promise<Response> {
  const form = await readForm(request);
  if (form instanceof Response) return form;
  return answer(request, context, async (found, range) => {
    if (!linkAsksBuyer(found.link)) return open(request, found, {});
    const field = "minAmount" in range ? "amount" : "quantity";
    const typed = form.get(field)?.trim().slice(0, 20) ?? "";
    const choice = parseChoice(found, typed);
    if (!choice) return choicePage(request, found, range, field, typed);
    try {
      return await open(request, found, choice);
    } catch (error) {
      // amount_too_small only if the merchant's minimum rose since the range was read.
      const refused = isAppError(error) && ["amount_invalid", "parameter_invalid", "amount_too_small"].includes(error.code);
      if (refused) return choicePage(request, found, range, field, typed);
      throw error;
    }
  });
}

/**
 * A HEAD (a link checker, a preview fetch) learns whether the link exists and is active, and makes
 * no payment intent.
 */
async function HEAD(request: Request, context: RouteContext): Promise<Response> {
  const page = await answer(request, context, async (found, range) => choicePage(request, found, range, null, ""));
  return new Response(null, { status: page.status, headers: page.headers });
}

function parseChoice({ link }: PublicPaymentLink, typed: string): LinkChoice | null {
  if (link.amount === null) {
    const parsed = decimalToMinor(typed.replace(",", "."), link.currency);
    return parsed.ok ? { amount: parsed.minor } : null;
  }
  return /^\d{1,4}$/.test(typed) ? { quantity: Number(typed) } : null;
}

function choicePage(request: Request, found: PublicPaymentLink, range: PayableRange, error: LinkFormError, typed: string): Page {
  return { status: error ? 422 : 200, html: (nonce) => renderLinkChoicePage(found, range, locale(request), nonce, error, typed) };
}

async function open(request: Request, found: PublicPaymentLink, choice: LinkChoice): Promise<Page> {
  const db = await getDb();
  const limited = await consumeRateLimit(db, `link-open:${clientAddress(request.headers)}`, OPENS_PER_MINUTE);
  if (!limited.allowed) return { rateLimited: true };
  const intent = await openPaymentLink(db, found, choice);
  return { location: checkoutPagePath(intent.id, intent.clientSecret) };
}

const locale = (request: Request) => negotiateLocale(null, request.headers.get("accept-language"));

async function answer(
  request: Request,
  { params }: RouteContext,
  handle: (found: PublicPaymentLink, range: PayableRange) => Promise<Page>,
): Promise<Response> {
  const slug = (await params).slug;
  const nonce = newScriptNonce();
  const page = (status: number, body: string) => new Response(body, { status, headers: checkoutPageHeaders(NOBODY, nonce) });
  const notFound = () => page(404, renderCheckoutErrorPage(404, locale(request), nonce));
  if (typeof slug !== "string" || !/^[A-Za-z0-9]{1,32}$/.test(slug)) return notFound();
  try {
    const found = await findLinkBySlug(await getDb(), slug);
    if (!found) return notFound();
    const inactive = () => page(410, renderLinkInactivePage(found, locale(request), nonce));
    // A minimum the merchant raised above the link's highest price leaves nothing to pay through it.
    const range = payableRange(found);
    if (!found.link.active || found.merchant.status !== "active" || !range) return inactive();
    const result = await handle(found, range);
    if ("location" in result) return new Response(null, { status: 303, headers: { location: new URL(result.location, publicUrl()).toString(), ...SECRET_URL_HEADERS } });
    if ("rateLimited" in result) {
      const headers = { "retry-after": String(OPENS_PER_MINUTE.windowSeconds), "content-type": "text/plain; charset=utf-8", ...SECRET_URL_HEADERS };
      return new Response("Too many checkouts opened from this address; try again in a minute.", { status: 429, headers });
    }
    return page(result.status, result.html(nonce));
  } catch (error) {
    console.error(`[kassa] payment link ${slug} failed: ${describeError(error)}`);
    return page(500, renderCheckoutErrorPage(500, locale(request), nonce));
  }
}

export { GET, HEAD, POST };
export const { PUT, PATCH, DELETE } = otherMethods(nativeDialect, { GET, POST });
