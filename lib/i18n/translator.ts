import { createTranslator } from "next-intl";
import { LOCALES, type Locale } from "./locales";
import en from "./messages/en.json";

export type Messages = typeof en;

/** One message file per language; English is the reference every other file must match key for key. */
export const CATALOG: Record<Locale, Messages> = Object.fromEntries(LOCALES.map((locale) => [locale, en])) as Record<Locale, Messages>;

export function translator(locale: Locale) {
  return createTranslator({ locale, messages: CATALOG[locale] });
}

export type Translator = ReturnType<typeof translator>;
