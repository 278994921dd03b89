import { randomUUID } from "node:crypto";
import { expect, type APIRequestContext } from "@playwright/test";

export type E2EMerchant = { merchantId: string; secretKey: string; clientId: string; accessToken: string; email: string; password: string };

/** Signs up through the public API the way a new merchant would: register, log in, merchant, key. */
export async function signUpMerchant(request: APIRequestContext, settings: Record<string, unknown> = {}): Promise<E2EMerchant> {
  const email = `e2e-${randomUUID()}@example.com`;
  const password = "correct horse battery staple";
  expect((await request.post("/api/v1/auth/register", { data: { email, password, name: "E2E Merchant" } })).status()).toBe(201);
  const login = await request.post("/api/v1/auth/login", { data: { email, password } });
  const { access_token: accessToken } = await login.json();
  const auth = { authorization: `Bearer ${accessToken}` };
  const merchant = await (await request.post("/api/v1/merchants", { data: { name: "E2E Shop" }, headers: auth })).json();
  if (Object.keys(settings).length > 0) {
    expect((await request.patch(`/api/v1/merchants/${merchant.id}`, { data: settings, headers: auth })).status()).toBe(200);
  }
  const key = await (await request.post(`/api/v1/merchants/${merchant.id}/api-keys`, { data: {}, headers: auth })).json();
  return { merchantId: merchant.id, secretKey: key.secret_key, clientId: key.client_id, accessToken, email, password };
}

export type E2EIntent = { id: string; client_secret: string; checkout_url: string; status: string };

export async function createIntent(
  request: APIRequestContext,
  merchant: E2EMerchant,
  site: string,
  body: Record<string, unknown> = {},
): Promise<E2EIntent> {
  const response = await request.post("/api/v1/payment-intents", {
    headers: { authorization: `Bearer ${merchant.secretKey}` },
    data: {
      amount: 4200,
      currency: "USD",
      description: "E2E order",
      success_url: `${site}/thanks?session={CHECKOUT_SESSION_ID}`,
      cancel_url: `${site}/cart`,
      ...body,
    },
  });
  expect(response.status()).toBe(201);
  return response.json();
}

export async function readIntent(request: APIRequestContext, merchant: E2EMerchant, id: string) {
  const response = await request.get(`/api/v1/payment-intents/${id}`, { headers: { authorization: `Bearer ${merchant.secretKey}` } });
  expect(response.status()).toBe(200);
  return response.json();
}
