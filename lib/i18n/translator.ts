import { createTranslator } from "next-intl";
import { LOCALES, type Locale } from "./locales";
import en from "./messages/en.json";

export type Messages = typeof en;

/** One message file per language; English is the reference every other file must match key for key. */
export const CATALOG: Record<Locale, Messages> = Object.fromEntries(LOCALES.map((locale) => [locale, en])) as Record<Locale, Messages>;

function newTranslator(locale: Locale) {
  return createTranslator({ locale, messages: CATALOG[locale] });
}

export type Translator = ReturnType<typeof newTranslator>;

const translators = new Map<Locale, Translator>();

/** One translator per language for the life of the process: it keeps the messages it has parsed. */
export function translator(locale: Locale): Translator {
  let found = translators.get(locale);
  if (!found) translators.set(locale, (found = newTranslator(locale)));
  return found;
}
