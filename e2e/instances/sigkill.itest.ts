import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { startWebhookReceiver } from "@/lib/testing/webhook-receiver";
import { api, newMerchant, startKassa, waitFor, type KassaProcess } from "./kassa-process";

const running: KassaProcess[] = [];
afterAll(async () => {
  for (const kassa of running) await kassa.kill("SIGKILL");
});

it("loses no webhook when the app is killed with SIGKILL mid-delivery and restarted", async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kassa-sigkill-"));
  const env = {
    KASSA_DATA_DIR: dataDir,
    DATABASE_URL: "",
    KASSA_WEBHOOK_TIMEOUT_MS: "2000",
    KASSA_WEBHOOK_LEASE_SECONDS: "3",
    KASSA_WEBHOOK_RETRY_BASE_MS: "200",
  };
  const receiver = await startWebhookReceiver();
  // The receiver holds every request open, so deliveries are in flight when the app dies.
  receiver.answerWith(() => "hang");
  try {
    const first = await startKassa(env);
    running.push(first);
    const merchant = await newMerchant(first.url);
    const endpoint = await api(first.url, merchant.secretKey, "/api/v1/webhook-endpoints", { url: receiver.url });
    receiver.trust(endpoint.secret);
    const intentIds: string[] = [];
    for (let i = 0; i < 5; i++) {
      const intent = await api(first.url, merchant.secretKey, "/api/v1/payment-intents", {
        amount: 1000 + i,
        currency: "USD",
        success_url: "https://shop.example/ok",
        cancel_url: "https://shop.example/cancel",
      });
      await api(first.url, merchant.secretKey, `/api/v1/payment-intents/${intent.id}/cancel`, {});
      intentIds.push(intent.id);
    }
    await waitFor(() => receiver.received.length >= 1, 10_000, "a delivery in flight");
    await first.kill("SIGKILL");

    receiver.answerWith(() => 200);
    const second = await startKassa(env);
    running.push(second);
    const delivered = () => new Set(receiver.received.filter((hook) => hook.verifiedWith.length === 1).map((hook) => hook.payload.data.object.id));
    await waitFor(() => delivered().size === 5, 30_000, "every event after the restart");
    expect([...delivered()].sort()).toEqual([...intentIds].sort());
    expect(receiver.received.every((hook) => hook.payload.type === "payment.canceled")).toBe(true);
  } finally {
    await receiver.close();
  }
});

it("sends its own in-flight webhooks again at once after a SIGKILL, not after their lease runs out", async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kassa-sigkill-lease-"));
  // A lease far longer than this test may take: only taking its own leases back delivers in time.
  const env = {
    KASSA_DATA_DIR: dataDir,
    DATABASE_URL: "",
    KASSA_INSTANCE_ID: `restarted-${path.basename(dataDir)}`,
    KASSA_WEBHOOK_TIMEOUT_MS: "2000",
    KASSA_WEBHOOK_LEASE_SECONDS: "600",
    KASSA_WEBHOOK_RETRY_BASE_MS: "200",
  };
  const receiver = await startWebhookReceiver();
  receiver.answerWith(() => "hang");
  try {
    const first = await startKassa(env);
    running.push(first);
    const merchant = await newMerchant(first.url);
    const endpoint = await api(first.url, merchant.secretKey, "/api/v1/webhook-endpoints", { url: receiver.url });
    receiver.trust(endpoint.secret);
    const intent = await api(first.url, merchant.secretKey, "/api/v1/payment-intents", { amount: 1500, currency: "USD", success_url: "https://shop.example/ok", cancel_url: "https://shop.example/cancel" });
    await api(first.url, merchant.secretKey, `/api/v1/payment-intents/${intent.id}/cancel`, {});
    await waitFor(() => receiver.received.length >= 1, 10_000, "the delivery in flight");
    await first.kill("SIGKILL");

    receiver.answerWith(() => 200);
    const second = await startKassa(env);
    running.push(second);
    await waitFor(() => receiver.received.length >= 2, 30_000, "the delivery sent again by the restarted instance");
    expect(receiver.received[1]!.payload.data.object.id).toBe(intent.id);
    expect(second.logs.join("\n")).toMatch(/worker resumed 1 webhook deliveries/);
  } finally {
    await receiver.close();
  }
});
