/** The languages the buyer's side speaks. English is the fallback for everything else. */
export const LOCALES = ["en", "de", "fr", "es", "nl", "pt-BR", "ja"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/**
 * The supported locale a language tag asks for, or null: "de-AT" is German, "pt" and "pt-PT" get
 * Brazilian Portuguese (the closest we have), "EN_us" is English. Case and separator do not matter.
 */
export function matchLocale(tag: string | null | undefined): Locale | null {
  if (!tag) return null;
  const [language, region] = tag.trim().toLowerCase().replace(/_/g, "-").split("-");
  const exact = LOCALES.find((locale) => locale.toLowerCase() === `${language}-${region}`);
  return exact ?? LOCALES.find((locale) => locale.split("-")[0]!.toLowerCase() === language) ?? null;
}

/** The buyer's best supported language from an Accept-Language header, by its q-values (RFC 9110 12.5.4). */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranges = header
    .slice(0, 1000)
    .split(",")
    .slice(0, 30)
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((param) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/.exec(param)?.[1]).find(Boolean);
      return { tag: tag!.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((range) => range.q > 0 && range.tag !== "*")
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const range of ranges) {
    const locale = matchLocale(range.tag);
    if (locale) return locale;
  }
  return null;
}

/** The intent's own locale when it has one, else what the browser asks for, else English. */
export function negotiateLocale(requested: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  return matchLocale(requested) ?? localeFromAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE;
}

/** Amounts and dates in the buyer's language, with US conventions for English as before. */
export function intlLocale(locale: Locale): string {
  return locale === "en" ? "en-US" : locale;
}
