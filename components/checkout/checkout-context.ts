import type { Branding, Checkout } from "@/lib/checkout/get-checkout";
import type { IntentDetails } from "@/lib/intents/intent-details";
import { intlLocale, type Locale } from "@/lib/i18n/locales";
import { translator, type Translator } from "@/lib/i18n/translator";
import { formatMoney } from "@/lib/money/format";
import type { Merchant } from "@/db/schema";
import type { StablecoinOffer } from "@/lib/stablecoins/checkout-offer";

/** One checkout page view: what is being paid, and how to say it in the buyer's language. */
export type CheckoutContext = {
  intent: IntentDetails;
  merchant: Merchant;
  branding: Branding;
  embedded: boolean;
  locale: Locale;
  t: Translator;
  /** An amount in the intent's currency. */
  money: (minor: number) => string;
  formatOther: (minor: number, currency: string) => string;
  /** A clock time, in UTC so that server and buyer agree on it without knowing the buyer's zone. */
  time: (at: Date) => string;
  /** Paying on chain: what is offered, and the deposit once there is one; null where the token is not on offer. */
  stablecoin: StablecoinOffer | null;
  /** The buyer chose the card over the token (`?method=card`). */
  cardChosen: boolean;
  /** The token is the only way to pay: no card form, and no way to one. */
  cardless: boolean;
};

export function checkoutContext({ intent, merchant, branding }: Checkout, locale: Locale, payment: { stablecoin?: StablecoinOffer | null; cardChosen?: boolean; cardless?: boolean } = {}): CheckoutContext {
  const intl = intlLocale(locale);
  const clock = new Intl.DateTimeFormat(intl, { hour: "2-digit", minute: "2-digit", timeZone: "UTC", timeZoneName: "short" });
  return {
    intent,
    merchant,
    branding,
    embedded: intent.uiMode === "embedded",
    locale,
    t: translator(locale),
    money: (minor) => formatMoney(minor, intent.currency, intl),
    formatOther: (minor, currency) => formatMoney(minor, currency, intl),
    time: (at) => clock.format(at),
    stablecoin: payment.stablecoin ?? null,
    cardChosen: payment.cardChosen ?? false,
    cardless: payment.cardless ?? false,
  };
}
