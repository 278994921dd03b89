import { isCurrency } from "@/lib/money/currencies";
import { decimalToMinor } from "@/lib/money/decimal";

type Form = Record<string, string | undefined>;
export type LinkFormResult = { body: Record<string, unknown>; fields?: undefined } | { body?: undefined; fields: Record<string, string> };

/**
 * The dashboard's payment link form, in decimals as a person types them, as the native API's body
 * in minor units. Items are one per line: "name, price" or "name, price, quantity".
 */
export function linkFormToBody(form: Form): LinkFormResult {
  const currency = (form.currency ?? "").trim().toUpperCase();
  const fields: Record<string, string> = {};
  // Amounts cannot be read without knowing the currency's decimals: say what is wrong with it first.
  if (!isCurrency(currency)) return { fields: { currency: "Enter a currency Kassa knows, as three letters such as USD or EUR." } };
  const minor = (name: string): number | undefined => {
    const value = (form[name] ?? "").trim();
    if (!value) return undefined;
    const parsed = decimalToMinor(value, currency);
    if (parsed.ok) return parsed.minor;
    fields[name] = `Enter an amount such as 12.50 (${parsed.reason}).`;
    return undefined;
  };
  const custom = form.pricing === "custom";
  const body: Record<string, unknown> = { name: (form.name ?? "").trim(), currency };
  if (custom) {
    body.custom_amount = { minimum: minor("custom_amount[minimum]"), maximum: minor("custom_amount[maximum]") };
  } else {
    body.amount = minor("amount");
    const quantity = (form.max_quantity ?? "").trim();
    if (quantity) body.max_quantity = /^\d+$/.test(quantity) ? Number(quantity) : quantity;
  }
  const items = (form.line_items ?? "").split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  if (items.length > 0) {
    body.line_items = items.map((line) => {
      const [name = "", price = "", quantity = "1"] = line.split(",").map((part) => part.trim());
      const parsed = decimalToMinor(price, currency);
      if (!parsed.ok) fields.line_items = `Write each item as "name, price" or "name, price, quantity": "${line.slice(0, 60)}" has no valid price.`;
      return { name, unit_amount: parsed.ok ? parsed.minor : 0, quantity: /^\d+$/.test(quantity) ? Number(quantity) : 0 };
    });
  }
  const successUrl = (form.success_url ?? "").trim();
  if (successUrl) body.success_url = successUrl;
  return Object.keys(fields).length > 0 ? { fields } : { body };
}
