import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { paymentIntents } from "@/db/schema";
import { checkoutAssets } from "@/components/checkout/checkout-assets";
import { createIntent, type NewIntent } from "@/lib/intents/create-intent";
import { createTestMerchant } from "@/lib/testing/fixtures";
import * as page from "../route";

function get(id: string, query: Record<string, string> = {}, headers: Record<string, string> = {}) {
  const url = `http://kassa.test/pay/${encodeURIComponent(id)}?${new URLSearchParams(query)}`;
  const request = new Request(url, { headers });
  return page.GET(request, { params: Promise.resolve({ id }) });
}

async function openIntent(input: Partial<NewIntent> = {}) {
  const { merchant } = await createTestMerchant();
  return createIntent(
    await getDb(),
    merchant,
    { dialect: "native", amount: 4200, currency: "USD", successUrl: "https://shop.example/ok", cancelUrl: "https://shop.example/cart", ...input },
    { type: "system" },
  );
}

/** The JSON island the page hands its script. */
function island(body: string) {
  return JSON.parse(/<script type="application\/json" id="checkout-data"[^>]*>(.*?)<\/script>/s.exec(body)![1]!);
}

describe("the checkout page", () => {
  it("is plain HTML with one small script, carrying this response's nonce and its SRI hash", async () => {
    const intent = await openIntent();
    const response = await get(intent.id, { client_secret: intent.clientSecret });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const policy = response.headers.get("content-security-policy")!;
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("form-action 'self' https://shop.example");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    const nonce = /'nonce-([^']+)'/.exec(policy)![1]!;
    const body = await response.text();
    expect(body).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    const scripts = [...body.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
    expect(scripts).toHaveLength(2);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(body).not.toContain("/_next/");

    const { script } = checkoutAssets();
    const file = fs.readFileSync(path.join(process.cwd(), "public", script.href));
    expect(script.integrity).toBe(`sha384-${crypto.createHash("sha384").update(file).digest("base64")}`);
    expect(body).toContain(`src="${script.href}" integrity="${script.integrity}"`);
    expect(island(body)).toMatchObject({ intentId: intent.id, clientSecret: intent.clientSecret, announce: [{ event: "payment.started" }] });
  });

  it("escapes what the merchant wrote, in the markup and in the script's data", async () => {
    const hostile = `</script><script>alert(1)</script><img src=x onerror=alert(2)>"'&`;
    const intent = await openIntent({ description: hostile, referenceId: hostile, lineItems: [{ name: hostile, quantity: 1, unitAmount: 4200 }] });
    const body = await (await get(intent.id, { client_secret: intent.clientSecret })).text();
    expect(body).not.toContain("<script>alert(1)");
    expect(body).not.toContain("<img src=x");
    expect(body).toContain("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(island(body).referenceId).toBe(hostile);
  });

  it("answers 404 for an id that cannot be an intent or does not exist, and 403 for a wrong secret, as pages", async () => {
    const intent = await openIntent();
    for (const [id, query, status, words] of [
      ["x".repeat(65), {}, 404, "Page not found"],
      ["pi_nobody", { client_secret: "x" }, 404, "Page not found"],
      [intent.id, { client_secret: "wrong" }, 403, "This payment link is not valid"],
      [intent.id, {}, 403, "This payment link is not valid"],
      [intent.id, { client_secret: "a\u0000b" }, 403, "This payment link is not valid"],
    ] as const) {
      const response = await get(id, query);
      expect(response.status, `${id} ${JSON.stringify(query)}`).toBe(status);
      expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      const body = await response.text();
      expect(body).toContain(words);
      expect(body).not.toContain("card-number");
    }
  });

  it("shows a form post's error once, and ignores an error code that is not one", async () => {
    const intent = await openIntent();
    const known = await (await get(intent.id, { client_secret: intent.clientSecret, error: "invalid_number" })).text();
    expect(known).toContain("Your card number is invalid. Check it and try again.");
    const unknown = await (await get(intent.id, { client_secret: intent.clientSecret, error: "<b>x</b>" })).text();
    expect(unknown).not.toContain("&lt;b&gt;");
    expect(unknown).toMatch(/id="payment-error"[^>]* hidden>/);
  });

  it("shows an expired intent's screen with the way back, then sends the buyer there by itself", async () => {
    const intent = await openIntent();
    const db = await getDb();
    await db.update(paymentIntents).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(paymentIntents.id, intent.id));
    const response = await get(intent.id, { client_secret: intent.clientSecret });
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toContain("This payment link has expired");
    expect(body).toContain('<meta http-equiv="refresh" content="5;url=https://shop.example/cart">');
    expect(body).toContain('href="https://shop.example/cart"');
    expect(body).not.toContain('id="countdown"');
    expect(island(body)).toMatchObject({ expiresAt: null, announce: [] });
  });

  it("tells a framing page how a plain form post ended, once, when the post sends it back with outcome=1", async () => {
    const intent = await openIntent({ uiMode: "embedded" });
    const db = await getDb();
    await db.update(paymentIntents).set({ status: "canceled", canceledAt: new Date() }).where(eq(paymentIntents.id, intent.id));
    const after = island(await (await get(intent.id, { client_secret: intent.clientSecret, outcome: "1" })).text());
    expect(after.announce).toEqual([{ event: "payment.canceled", fields: expect.objectContaining({ status: "canceled" }) }]);
    const reloaded = island(await (await get(intent.id, { client_secret: intent.clientSecret })).text());
    expect(reloaded.announce).toEqual([]);
  });
});
