import { z } from "zod";
import { LOCALES, matchLocale, type Locale } from "./locales";

/**
 * The `locale` a merchant may send with a new intent, as Stripe Checkout takes one: a language tag
 * Kassa speaks ("de", "pt-BR", "de-AT" is German), or "auto" to follow the buyer's browser. Stored
 * as the matched locale; null for "auto".
 */
export function localeParam(message = `must be auto or one of ${LOCALES.join(", ")}`) {
  return z
    .string({ error: message })
    .max(35, { error: message })
    .transform((tag, context): Locale | null => {
      if (tag === "auto") return null;
      const locale = matchLocale(tag);
      if (!locale) context.addIssue({ code: "custom", message });
      return locale;
    });
}
