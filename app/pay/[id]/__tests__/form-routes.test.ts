import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createIntent } from "@/lib/intents/create-intent";
import { createTestMerchant } from "@/lib/testing/fixtures";
import * as submit from "../submit/route";
import * as cancel from "../cancel/route";

function post(handler: typeof submit.POST, id: string, body: BodyInit, headers: Record<string, string> = {}) {
  return handler(new Request(`http://kassa.test/pay/${id}/submit`, { method: "POST", body, headers }), {
    params: Promise.resolve({ id }),
  });
}

async function openIntent() {
  const { merchant } = await createTestMerchant();
  return createIntent(
    await getDb(),
    merchant,
    { dialect: "native", amount: 500, currency: "USD", successUrl: "https://shop.example/ok", cancelUrl: "https://shop.example/cart" },
    { type: "system" },
  );
}

describe("the checkout page's form posts", () => {
  it("answer 404 for an id that cannot be an intent and 400 for a body that is not a form", async () => {
    expect((await post(submit.POST, "x".repeat(65), new URLSearchParams())).status).toBe(404);
    expect((await post(submit.POST, "a\u0000b", new URLSearchParams())).status).toBe(404);
    const notAForm = await post(submit.POST, "pi_x", "{}", { "content-type": "application/json" });
    expect(notAForm.status).toBe(400);
  });

  it("send the buyer back to the page with an error code instead of failing", async () => {
    const intent = await openIntent();
    const form = new URLSearchParams({
      client_secret: intent.clientSecret,
      submission_key: "k1",
      number: "4242\u00004242",
      expiry: "12/40",
      cvc: "123",
      name: "Ada",
    });
    const response = await post(submit.POST, intent.id, form);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toContain(`/pay/${intent.id}?client_secret=${intent.clientSecret}&error=invalid_number`);
  });

  it("cancel goes to cancel_url, and answers JSON when asked", async () => {
    const intent = await openIntent();
    const byForm = await post(cancel.POST, intent.id, new URLSearchParams({ client_secret: intent.clientSecret }));
    expect(byForm.status).toBe(303);
    expect(byForm.headers.get("location")).toBe("https://shop.example/cart");

    const other = await openIntent();
    const wrongSecret = await post(cancel.POST, other.id, new URLSearchParams({ client_secret: "nope" }), { accept: "application/json" });
    expect(wrongSecret.status).toBe(403);
    expect((await wrongSecret.json()).error.code).toBe("client_secret_invalid");
  });
});
