import { renderCheckoutPage } from "@/components/checkout/checkout-page";
import { getCheckout } from "@/lib/checkout/get-checkout";
import { checkoutPageHeaders, checkoutPolicy } from "@/lib/checkout/checkout-policy";
import { randomBase62 } from "@/lib/crypto/tokens";
import { checkoutPageRoute, INTENT_ID, otherPageMethods } from "@/lib/http/checkout-page-route";
import { negotiateLocale } from "@/lib/i18n/locales";
import { dialectDefinition } from "@/lib/dialects/registry";
import { stablecoinOffer } from "@/lib/stablecoins/checkout-offer";
import { findAcquirer } from "@/lib/accounts/get-acquirer";

/**
 * The hosted checkout page. Rendered here as plain HTML rather than as a React page, so that the
 * buyer downloads a few kilobytes of script instead of a framework (see components/checkout), under
 * a Content-Security-Policy with this response's own script nonce (PCI DSS 4.0 6.4.3).
 */
const GET = checkoutPageRoute({ param: "id", pattern: INTENT_ID, clientSecret: "optional", what: "checkout page" }, async ({ db, request, param: id, clientSecret, nonce }) => {
  const query = new URL(request.url).searchParams;
  const checkout = await getCheckout(db, id, clientSecret);
  const { intent } = checkout;
  const formError = query.get("error");
  // A live merchant with a wallet and no acquirer takes live money on chain only.
  const cardless = intent.mode === "live" && !(await findAcquirer(db, intent.merchantId));
  const cardChosen = query.get("method") === "card" && !cardless;
  const lead = (Boolean(dialectDefinition(intent.dialect).leadsWithStablecoin) || cardless) && !cardChosen;
  const stablecoin = await stablecoinOffer(db, intent, checkout.merchant, { lead });
  const page = renderCheckoutPage({
    stablecoin,
    cardChosen,
    cardless: cardless && stablecoin !== null,
    checkout,
    locale: negotiateLocale(intent.locale, request.headers.get("accept-language")),
    nonce,
    formError: formError && /^[a-z_]{1,64}$/.test(formError) ? formError : null,
    submissionKey: `form_${randomBase62(24)}`,
    announceOutcome: query.get("outcome") === "1",
  });
  return new Response(page, { status: 200, headers: checkoutPageHeaders(checkoutPolicy(intent, checkout.merchant), nonce) });
});

export { GET };
export const { POST, PUT, PATCH, DELETE } = otherPageMethods({ GET });
