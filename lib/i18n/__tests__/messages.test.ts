import { describe, expect, it } from "vitest";
import { LOCALES, localeFromAcceptLanguage, matchLocale, negotiateLocale } from "../locales";
import { CATALOG, translator } from "../translator";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) => (typeof value === "string" ? [[`${prefix}${key}`, value]] : Object.entries(flatten(value, `${prefix}${key}.`)))),
  );
}

/** The top-level arguments a message takes: `{merchant}`, `{count, plural, …}` (not a plural branch's text). */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  let depth = 0;
  for (let i = 0; i < message.length; i++) {
    if (message[i] === "{") {
      if (depth === 0) names.add(/^\{\s*([A-Za-z0-9_]+)/.exec(message.slice(i))?.[1] ?? "");
      depth++;
    } else if (message[i] === "}") depth--;
  }
  return [...names].sort();
}

const english = flatten(CATALOG.en as unknown as Tree);

describe("the message files", () => {
  for (const locale of LOCALES) {
    it(`${locale} has every English key, no other key, and takes the same arguments`, () => {
      const messages = flatten(CATALOG[locale] as unknown as Tree);
      expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
      for (const [key, message] of Object.entries(messages)) {
        expect(argumentsOf(message), `${locale} ${key}`).toEqual(argumentsOf(english[key]!));
        expect(message.trim(), `${locale} ${key}`).not.toBe("");
      }
    });

    it(`${locale} formats every message without an error`, () => {
      const t = translator(locale) as unknown as (key: string, values: Record<string, unknown>) => string;
      for (const [key, message] of Object.entries(english)) {
        const values = Object.fromEntries(argumentsOf(message).map((name) => [name, ["count", "days"].includes(name) ? 2 : "X"]));
        const text = t(key, values);
        expect(text, `${locale} ${key}`).not.toContain("{");
        expect(text, `${locale} ${key}`).not.toBe(key);
      }
    });
  }
});

describe("choosing the buyer's language", () => {
  it("matches tags by language, then region", () => {
    expect(matchLocale("de-AT")).toBe("de");
    expect(matchLocale("PT_br")).toBe("pt-BR");
    expect(matchLocale("pt-PT")).toBe("pt-BR");
    expect(matchLocale("ja-JP")).toBe("ja");
    expect(matchLocale("sv")).toBeNull();
    expect(matchLocale("")).toBeNull();
  });

  it("reads Accept-Language by its q-values, skipping what Kassa does not speak", () => {
    expect(localeFromAcceptLanguage("sv-SE,sv;q=0.9,de;q=0.8,en;q=0.7")).toBe("de");
    expect(localeFromAcceptLanguage("en;q=0.5, ja;q=0.9")).toBe("ja");
    expect(localeFromAcceptLanguage("fr;q=0, nl")).toBe("nl");
    expect(localeFromAcceptLanguage("*")).toBeNull();
    expect(localeFromAcceptLanguage("x".repeat(5000))).toBeNull();
  });

  it("prefers the intent's own locale, then the browser's, then English", () => {
    expect(negotiateLocale("ja", "de")).toBe("ja");
    expect(negotiateLocale(null, "de-CH")).toBe("de");
    expect(negotiateLocale("xx", null)).toBe("en");
  });
});
