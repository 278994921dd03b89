import { randomUUID } from "node:crypto";
import { getDb } from "@/db/client";
import { eq } from "drizzle-orm";
import { paymentIntents, type ApiKey, type Merchant, type User } from "@/db/schema";
import { confirmIntent } from "@/lib/checkout/confirm-intent";
import { issueAccessToken } from "@/lib/accounts/access-token";
import { createApiKey } from "@/lib/accounts/create-api-key";
import { createMerchant } from "@/lib/accounts/create-merchant";
import { registerUser } from "@/lib/accounts/register-user";

export const TEST_PASSWORD = "correct horse battery staple";

export type TestMerchant = {
  user: User;
  merchant: Merchant;
  apiKey: ApiKey;
  secretKey: string;
  accessToken: string;
  /** Headers for the native API with this merchant's secret key. */
  auth: Record<string, string>;
  /** Headers for mintro: the key's client id and secret. */
  mintroAuth: Record<string, string>;
};

/** A fresh user, merchant and key, so no test sees another test's data. */
export async function createTestMerchant(name = "Test Shop"): Promise<TestMerchant> {
  const db = await getDb();
  const user = await registerUser(db, { email: `owner-${randomUUID()}@example.com`, password: TEST_PASSWORD, name: "Test Owner" });
  const merchant = await createMerchant(db, user.id, { name });
  const { key, secretKey } = await createApiKey(db, merchant.id, { label: "test" });
  return {
    user,
    merchant,
    apiKey: key,
    secretKey,
    accessToken: await issueAccessToken(user.id),
    auth: { authorization: `Bearer ${secretKey}` },
    mintroAuth: { "x-client-id": key.clientId, "x-client-secret": secretKey },
  };
}

export const validIntent = {
  amount: 9999,
  currency: "USD",
  success_url: "https://shop.example.com/success?session={CHECKOUT_SESSION_ID}",
  cancel_url: "https://shop.example.com/cancel",
};

export function futureExpiry() {
  return { exp_month: 12, exp_year: new Date().getUTCFullYear() + 2 };
}

/** Pays an intent on the checkout as a buyer would, with a card that approves unless told otherwise. */
export async function payIntent(intentId: string, number = "4242424242424242") {
  const db = await getDb();
  const [intent] = await db.select().from(paymentIntents).where(eq(paymentIntents.id, intentId));
  const { exp_month: expMonth, exp_year: expYear } = futureExpiry();
  return confirmIntent(db, { intentId, clientSecret: intent!.clientSecret, card: { number, expMonth, expYear, cvc: "123" } });
}

/** An intent as it stands in the database now. */
export async function readIntent(id: string) {
  const [intent] = await (await getDb()).select().from(paymentIntents).where(eq(paymentIntents.id, id));
  return intent!;
}
