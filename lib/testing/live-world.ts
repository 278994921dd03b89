import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { paymentAttempts, paymentIntents } from "@/db/schema";
import * as acquirerWebhook from "@/app/api/acquirers/[type]/webhook/route";
import * as challengeReturn from "@/app/pay/[id]/challenge/return/route";
import * as challengePage from "@/app/pay/[id]/challenge/route";
import * as submit from "@/app/pay/[id]/submit/route";
import { createApiKey } from "@/lib/accounts/create-api-key";
import { setAcquirer } from "@/lib/accounts/set-acquirer";
import { startFakeStripe } from "./fake-stripe/server";
import { createTestMerchant, type TestMerchant } from "./fixtures";
import { serveRoutes } from "./route-server";

export type LiveMerchant = TestMerchant & { live: { secretKey: string; clientId: string; auth: Record<string, string>; mintroAuth: Record<string, string> } };

const pathOf = (location: string) => {
  const url = new URL(location, "http://kassa.test");
  return `${url.pathname}${url.search}`;
};

/**
 * Live money for tests: a Stripe-compatible server on a free port (KASSA_STRIPE_API_URL points the
 * adapter at it), Kassa's acquirer webhook behind a real port, and merchants whose acquirer it is.
 */
export async function startLiveWorld() {
  const fake = await startFakeStripe();
  process.env.KASSA_STRIPE_API_URL = fake.url;
  const webhooks = await serveRoutes((request) => acquirerWebhook.POST(request, { params: Promise.resolve({ type: "stripe" }) }));

  /** A merchant with test and live keys, whose live payments go to the fake Stripe. */
  async function liveMerchant(): Promise<LiveMerchant> {
    const merchant = await createTestMerchant();
    const db = await getDb();
    await setAcquirer(db, merchant.merchant.id, { type: "stripe", secret_key: fake.secretKey, webhook_secret: fake.webhookSecret });
    const { key, secretKey } = await createApiKey(db, merchant.merchant.id, { label: "live", mode: "live" });
    return {
      ...merchant,
      live: { secretKey, clientId: key.clientId, auth: { authorization: `Bearer ${secretKey}` }, mintroAuth: { "x-client-id": key.clientId, "x-client-secret": secretKey } },
    };
  }

  /**
   * The buyer pays on Kassa's page with JavaScript off: the form post, then every redirect Kassa
   * answers, through the bank's page when it asks (answering `challenge`), until the buyer leaves
   * Kassa for the merchant or lands on the page again. Returns where they ended up.
   */
  async function payOnPage(intentId: string, number: string, challenge: "complete" | "fail" = "complete"): Promise<string> {
    const db = await getDb();
    const [intent] = await db.select().from(paymentIntents).where(eq(paymentIntents.id, intentId));
    const form = new URLSearchParams({ client_secret: intent!.clientSecret, submission_key: `k_${Math.random()}`, number, expiry: "12/40", cvc: "123", name: "Ada Buyer" });
    const context = { params: Promise.resolve({ id: intentId }) };
    let location = (await submit.POST(new Request(`http://kassa.test/pay/${intentId}/submit`, { method: "POST", body: form }), context)).headers.get("location")!;
    for (let hop = 0; hop < 6; hop++) {
      const path = pathOf(location);
      const waiting = path.startsWith(`/pay/${intentId}?`) ? (await attemptsOf(intentId)).findLast((attempt) => attempt.status === "requires_action") : undefined;
      if (waiting?.challengeUrl) {
        // The page, after a form post: its "Continue to your bank" link goes to the acquirer's page.
        location = waiting.challengeUrl;
      } else if (location.startsWith(fake.url)) {
        // The bank's own page: the buyer answers it, and it sends them back to Kassa.
        const answered = await fetch(location, { method: "POST", body: new URLSearchParams({ answer: challenge }), redirect: "manual" });
        location = answered.headers.get("location")!;
      } else if (path.startsWith(`/pay/${intentId}/challenge/return`)) {
        location = (await challengeReturn.GET(new Request(`http://kassa.test${path}`), context)).headers.get("location")!;
      } else if (path.startsWith(`/pay/${intentId}/challenge`)) {
        location = (await challengePage.GET(new Request(`http://kassa.test${path}`), context)).headers.get("location")!;
      } else {
        return location;
      }
    }
    throw new Error(`Too many redirects paying ${intentId}; last at ${location}`);
  }

  async function attemptsOf(intentId: string) {
    const db = await getDb();
    return db.select().from(paymentAttempts).where(eq(paymentAttempts.intentId, intentId)).orderBy(paymentAttempts.number);
  }

  return {
    fake,
    webhookUrl: `${webhooks.url}/api/acquirers/stripe/webhook`,
    liveMerchant,
    payOnPage,
    attemptsOf,
    close: async () => {
      delete process.env.KASSA_STRIPE_API_URL;
      await Promise.all([fake.close(), webhooks.close()]);
    },
  };
}
