import { afterAll, afterEach, beforeAll } from "vitest";
import { getDb } from "@/db/client";
import * as endpoints from "@/app/api/v1/webhook-endpoints/route";
import { deliverDueWebhooks } from "@/lib/webhooks/deliver-webhooks";
import { callRoute } from "./call-route";
import { createTestMerchant, type TestMerchant } from "./fixtures";
import { startWebhookReceiver } from "./webhook-receiver";

type Receiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

/** Sends every delivery that is due now; the receivers have them when this returns. */
export async function deliverAllDue(): Promise<void> {
  const db = await getDb();
  while ((await deliverDueWebhooks(db)) > 0);
}

/**
 * For one test file: a real local receiver for its webhooks (started once, emptied after each test,
 * closed at the end) and merchants whose native endpoint points at it, with its secret trusted.
 */
export function useWebhookReceiver() {
  let receiver: Receiver | undefined;
  beforeAll(async () => {
    process.env.KASSA_ALLOW_PRIVATE_WEBHOOKS = "1";
    receiver = await startWebhookReceiver();
  });
  afterAll(() => receiver?.close());
  afterEach(() => void (receiver!.received.length = 0));
  const started = () => receiver!;
  return {
    get receiver(): Receiver {
      return started();
    },
    /** A fresh merchant with one endpoint at the receiver; its id comes back too. */
    async merchantWithEndpoint(): Promise<TestMerchant & { endpointId: string }> {
      const merchant = await createTestMerchant();
      const { body } = await callRoute(endpoints.POST, { path: "/api/v1/webhook-endpoints", headers: merchant.auth, body: { url: started().url } });
      started().trust(body.secret);
      return { ...merchant, endpointId: body.id };
    },
  };
}
