import { randomUUID } from "node:crypto";
import { getDb } from "@/db/client";
import type { ApiKey, Merchant, User } from "@/db/schema";
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
