import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withDatabase } from "@/lib/testing/global-setup";
import { startWebhookReceiver } from "@/lib/testing/webhook-receiver";
import { api, newMerchant, startKassa, waitFor, type KassaProcess } from "./kassa-process";

const serverUrl = process.env.DATABASE_URL;
const running: KassaProcess[] = [];
// A database of its own, empty: the two instances migrate it as they start, together.
const ownDatabase = `kassa_instances_${randomBytes(4).toString("hex")}`;
const databaseUrl = serverUrl ? withDatabase(serverUrl, ownDatabase) : undefined;

beforeAll(async () => {
  if (!serverUrl) return;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${ownDatabase}"`);
  await admin.end();
});
afterAll(async () => {
  for (const kassa of running) await kassa.kill("SIGKILL");
  if (!serverUrl) return;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${ownDatabase}" with (force)`);
  await admin.end();
});

describe.skipIf(!databaseUrl)("two app instances on one PostgreSQL", () => {
  it("deliver no event twice and charge no renewal twice", async () => {
    const receiver = await startWebhookReceiver();
    receiver.answerWith(() => 200);
    const env = { DATABASE_URL: databaseUrl!, KASSA_WEBHOOK_RETRY_BASE_MS: "200" };
    const [a, b] = await Promise.all([startKassa(env), startKassa(env)]);
    running.push(a, b);
    const sql = postgres(databaseUrl!, { max: 1, onnotice: () => {} });
    try {
      const merchant = await newMerchant(a.url);
      const endpoint = await api(a.url, merchant.secretKey, "/api/v1/webhook-endpoints", { url: receiver.url });
      receiver.trust(endpoint.secret);

      // 20 canceled intents, half through each instance.
      for (let i = 0; i < 20; i++) {
        const via = i % 2 === 0 ? a : b;
        const intent = await api(via.url, merchant.secretKey, "/api/v1/payment-intents", {
          amount: 500 + i,
          currency: "USD",
          success_url: "https://shop.example/ok",
          cancel_url: "https://shop.example/cancel",
        });
        await api(via.url, merchant.secretKey, `/api/v1/payment-intents/${intent.id}/cancel`, {});
      }

      // 4 subscriptions, paid on the checkout's Payment API.
      const subscriptionIntents: string[] = [];
      for (let i = 0; i < 4; i++) {
        const created = await fetch(`${a.url}/api/platform/intents`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-client-id": merchant.clientId, "x-client-secret": merchant.secretKey },
          body: JSON.stringify({
            amount: 9,
            currency: "USD",
            intent_type: "recurring",
            interval_days: 30,
            email: "s@example.com",
            name: "Sub",
            reference_id: `SUB-${i}`,
            integration_type: "iframe",
            order_items: [{ name: "Plan", quantity: 1, price: 9 }],
          }),
        }).then((r) => r.json() as Promise<any>);
        const [row] = await sql`select client_secret from payment_intents where id = ${created.data.intent_id}`;
        await fetch(`${b.url}/api/v1/payment-intents/${created.data.intent_id}/confirm`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ client_secret: row!.client_secret, card: { number: "4242424242424242", exp_month: 12, exp_year: 2040, cvc: "123" } }),
        });
        subscriptionIntents.push(created.data.intent_id);
      }
      // Move their next charge into the past: both instances' workers now race to renew them.
      await sql`update subscriptions set next_charge_at = now() - interval '1 second' where intent_id = any(${subscriptionIntents})`;

      const expected = 20 + 4 * 3; // canceled; payment.succeeded, subscription.created, subscription.renewed
      // Done when the outbox says so: every delivery settled, and one attempt recorded for each.
      const settled = async () => {
        const [row] = await sql`
          select count(*) filter (where d.status = 'succeeded')::int as succeeded,
                 count(*) filter (where d.status in ('pending', 'delivering'))::int as open,
                 (select count(*)::int from webhook_attempts a join webhook_deliveries x on x.id = a.delivery_id where x.endpoint_id = ${endpoint.id}) as attempts
          from webhook_deliveries d where d.endpoint_id = ${endpoint.id}`;
        return row!.succeeded === expected && row!.open === 0 && row!.attempts === expected;
      };
      await waitFor(settled, 45_000, `${expected} webhooks delivered once each`);
      const ids = receiver.received.map((hook) => hook.id);
      expect(ids).toHaveLength(expected);
      expect(new Set(ids).size).toBe(expected);
      expect(receiver.received.every((hook) => hook.verifiedWith.length === 1)).toBe(true);

      const renewals = await sql`
        select s.id, s.next_period, count(a.id)::int as attempts
        from subscriptions s
        join payment_intents i on i.subscription_id = s.id
        join payment_attempts a on a.intent_id = i.id
        where s.intent_id = any(${subscriptionIntents})
        group by s.id, s.next_period`;
      expect(renewals).toHaveLength(4);
      for (const renewal of renewals) expect(renewal).toMatchObject({ next_period: 3, attempts: 1 });
    } finally {
      await sql.end();
      await receiver.close();
    }
  });
});
