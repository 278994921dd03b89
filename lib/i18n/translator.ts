import { createTranslator } from "next-intl";
import type { Locale } from "./locales";
import de from "./messages/de.json";
import en from "./messages/en.json";
import es from "./messages/es.json";
import fr from "./messages/fr.json";
import ja from "./messages/ja.json";
import nl from "./messages/nl.json";
import ptBR from "./messages/pt-BR.json";

export type Messages = typeof en;

/** One message file per language; English is the reference every other file must match key for key. */
export const CATALOG: Record<Locale, Messages> = { en, de, fr, es, nl, "pt-BR": ptBR, ja };

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
