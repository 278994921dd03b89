import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseStripeParams } from "../form";
import { formArray, formInteger, metadataPatch } from "../params";

describe("Stripe's form encoding", () => {
  it("nests bracketed keys, keeps indices as keys, and appends with []", () => {
    const parsed = parseStripeParams(
      new URLSearchParams("line_items[0][price_data][unit_amount]=2000&line_items[0][quantity]=2&line_items[1][price]=price_1&metadata[0]=zero&expand[]=a&expand[]=b&mode=payment"),
    );
    expect(JSON.parse(JSON.stringify(parsed))).toEqual({
      line_items: { "0": { price_data: { unit_amount: "2000" }, quantity: "2" }, "1": { price: "price_1" } },
      metadata: { "0": "zero" },
      expand: { "0": "a", "1": "b" },
      mode: "payment",
    });
    const items = formArray(z.object({ quantity: formInteger(1, 10).optional() }).passthrough(), 5).parse(parsed.line_items);
    expect(items).toHaveLength(2);
    expect(items[0]!.quantity).toBe(2);
  });

  it("refuses what no SDK sends: a key that is both value and object, prototype keys, too many fields, too deep", () => {
    expect(() => parseStripeParams(new URLSearchParams("a=1&a[b]=2"))).toThrow(/both as a value and as an object/);
    expect(() => parseStripeParams(new URLSearchParams("a[b]=2&a=1"))).toThrow(/both as a value and as an object/);
    expect(() => parseStripeParams(new URLSearchParams("__proto__[polluted]=1"))).toThrow(/Invalid parameter name/);
    expect(() => parseStripeParams(new URLSearchParams("a[constructor][prototype]=1"))).toThrow(/Invalid parameter name/);
    expect(() => parseStripeParams(new URLSearchParams("a]b=1"))).toThrow(/Invalid parameter name/);
    expect(() => parseStripeParams(new URLSearchParams(Array.from({ length: 2001 }, (_, i) => `k${i}=1`).join("&")))).toThrow(/at most 2000/);
    expect(() => parseStripeParams(new URLSearchParams(`a${"[x]".repeat(9)}=1`))).toThrow(/nest at most/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("never walks into what objects inherit: toString and hasOwnProperty are plain names", () => {
    const parsed = parseStripeParams(new URLSearchParams("expand[toString][call]=1&x[hasOwnProperty][call]=1&metadata[valueOf]=v&metadata[1000]=k"));
    expect(Object.prototype.toString.call([])).toBe("[object Array]");
    expect(typeof Object.prototype.hasOwnProperty.call).toBe("function");
    expect(JSON.parse(JSON.stringify(parsed))).toEqual({ expand: { toString: { call: "1" } }, x: { hasOwnProperty: { call: "1" } }, metadata: { valueOf: "v", "1000": "k" } });
  });

  it("updates metadata as Stripe does: an empty value unsets a key, an empty string clears it all", () => {
    expect(metadataPatch({ b: "", c: "3" })).toEqual({ set: { c: "3" }, unset: ["b"] });
    expect(metadataPatch("")).toEqual({ replace: {} });
    expect(metadataPatch(undefined)).toBeUndefined();
  });
});
