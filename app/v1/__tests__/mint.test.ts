import { describe, expect, it } from "vitest";
import { callRoute } from "@/lib/testing/call-route";
import { createTestMerchant, payIntent } from "@/lib/testing/fixtures";
import * as payments from "../payments/route";
import * as payment from "../payments/[id]/route";
import * as checkouts from "../../api/v1/checkouts/route";

/** The body of seed 000's Express example. */
const seedBody = (checkoutId?: string) => ({
  checkout_id: checkoutId,
  currency: "USD",
  amount: 49,
  order_id: "order_123",
  customer_id: "customer_456",
  return_url: "https://your-app.example.com/checkout/complete",
  metadata: { cart_id: "cart_789" },
});

const headersOf = (secretKey: string) => ({ "content-type": "application/json", accept: "application/json", "x-api-key": secretKey });

describe("POST /v1/payments", () => {
  it("creates a payment in standard units against the merchant's default checkout", async () => {
    const { secretKey } = await createTestMerchant();
    const list = await callRoute(checkouts.GET, { path: "/api/v1/checkouts", headers: { "x-api-key": secretKey } });
    expect(list.body.data).toHaveLength(1);
    const defaultCheckout = list.body.data[0];
    expect(defaultCheckout).toMatchObject({ object: "checkout", is_default: true });

    const response = await callRoute(payments.POST, { path: "/v1/payments", body: seedBody(defaultCheckout.id), headers: headersOf(secretKey) });
    expect(response.status).toBe(201);
    expect(response.body.data).toMatchObject({
      object: "payment",
      checkout_id: defaultCheckout.id,
      status: "pending",
      amount: 49,
      currency: "USD",
      order_id: "order_123",
      customer_id: "customer_456",
      return_url: "https://your-app.example.com/checkout/complete",
      metadata: { cart_id: "cart_789" },
      payment_url: expect.stringMatching(/^http:\/\/kassa\.test\/pay\/pay_\w+\?client_secret=/),
    });

    const withoutCheckout = await callRoute(payments.POST, { path: "/v1/payments", body: seedBody(), headers: headersOf(secretKey) });
    expect(withoutCheckout.body.data.checkout_id).toBe(defaultCheckout.id);
  });

  it("names its statuses the seed's way as the payment moves", async () => {
    const { secretKey } = await createTestMerchant();
    const { body } = await callRoute(payments.POST, { path: "/v1/payments", body: { ...seedBody(), amount: "19.99" }, headers: headersOf(secretKey) });
    expect(body.data).toMatchObject({ status: "pending", amount: 19.99 });
    await payIntent(body.data.id);
    const read = await callRoute(payment.GET, { path: `/v1/payments/${body.data.id}`, params: { id: body.data.id }, headers: { "x-api-key": secretKey } });
    expect(read.status).toBe(200);
    expect(read.body.data).toMatchObject({ id: body.data.id, status: "paid", paid_at: expect.any(String) });
  });

  it("creates checkouts with their own branding and uses the one named", async () => {
    const { secretKey } = await createTestMerchant();
    const created = await callRoute(checkouts.POST, {
      path: "/api/v1/checkouts",
      body: { name: "Gift shop", display_name: "Ada's Gift Shop", brand_color: "#be123c" },
      headers: { "x-api-key": secretKey },
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ name: "Gift shop", display_name: "Ada's Gift Shop", brand_color: "#be123c", is_default: false });
    const response = await callRoute(payments.POST, { path: "/v1/payments", body: seedBody(created.body.data.id), headers: headersOf(secretKey) });
    expect(response.body.data.checkout_id).toBe(created.body.data.id);
  });

  it.each([
    [{ amount: 49.999 }, "amount", "amount_invalid"],
    [{ amount: 0 }, "amount", "amount_invalid"],
    [{ amount: "forty" }, "amount", "amount_invalid"],
    [{ amount: undefined }, "amount", "parameter_missing"],
    [{ currency: "usdollar" }, "currency", "parameter_invalid"],
    [{ return_url: "nope" }, "return_url", "parameter_invalid"],
    [{ checkout_id: "chk_someone_elses" }, "checkout_id", "parameter_invalid"],
    [{ line_items: [{ name: "Mug", quantity: 1, price: 50 }] }, "line_items", "parameter_invalid"],
  ])("answers 400 for %j", async (change, param, code) => {
    const { secretKey } = await createTestMerchant();
    const response = await callRoute(payments.POST, { path: "/v1/payments", body: { ...seedBody(), ...change }, headers: headersOf(secretKey) });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code, param });
  });

  it("answers 401 without a key and 404 for another merchant's payment", async () => {
    const a = await createTestMerchant();
    const b = await createTestMerchant();
    expect((await callRoute(payments.POST, { path: "/v1/payments", body: seedBody(), headers: {} })).status).toBe(401);
    const { body } = await callRoute(payments.POST, { path: "/v1/payments", body: seedBody(), headers: headersOf(a.secretKey) });
    const foreign = await callRoute(payment.GET, { path: `/v1/payments/${body.data.id}`, params: { id: body.data.id }, headers: { "x-api-key": b.secretKey } });
    expect(foreign.status).toBe(404);
  });

  it("does not let a merchant use another merchant's checkout", async () => {
    const a = await createTestMerchant();
    const b = await createTestMerchant();
    const bCheckouts = await callRoute(checkouts.GET, { path: "/api/v1/checkouts", headers: { "x-api-key": b.secretKey } });
    const response = await callRoute(payments.POST, {
      path: "/v1/payments",
      body: seedBody(bCheckouts.body.data[0].id),
      headers: headersOf(a.secretKey),
    });
    expect(response.status).toBe(400);
    expect(response.body.error.param).toBe("checkout_id");
  });
});
