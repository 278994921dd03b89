import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export type ReceivedWebhook = {
  id: string;
  headers: Record<string, string>;
  body: string;
  payload: Record<string, any>;
  /** Whether the standardwebhooks library accepted the signature with the secret(s) given. */
  verifiedWith: string[];
};

/**
 * A merchant's webhook endpoint for tests: verifies every request with the standardwebhooks library
 * and answers with whatever status the test sets (200 unless told otherwise).
 */
export async function startWebhookReceiver(port = 0) {
  const received: ReceivedWebhook[] = [];
  const state = { secrets: [] as string[], answer: (_count: number): number | "hang" => 200 };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)]));
      const verifiedWith = state.secrets.filter((secret) => {
        try {
          new Webhook(secret).verify(body, headers);
          return true;
        } catch {
          return false;
        }
      });
      received.push({ id: headers["webhook-id"] ?? "", headers, body, payload: JSON.parse(body), verifiedWith });
      const answer = state.answer(received.length);
      if (answer === "hang") return;
      response.writeHead(answer, { "content-type": "text/plain" });
      response.end(`answer ${answer}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/webhooks`,
    received,
    /** Secrets the receiver accepts; a request counts as verified by each that checks out. */
    trust: (...secrets: string[]) => void (state.secrets = secrets),
    answerWith: (answer: (count: number) => number | "hang") => void (state.answer = answer),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** What a receiver got, sorted into the order the events happened (deliveries may arrive in any order, as with Stripe). */
export async function inEventOrder(received: ReceivedWebhook[]): Promise<ReceivedWebhook[]> {
  const { inArray } = await import("drizzle-orm");
  const { getDb } = await import("@/db/client");
  const { events } = await import("@/db/schema");
  const db = await getDb();
  const order = await db.select({ id: events.id }).from(events).where(inArray(events.id, received.map((hook) => hook.id))).orderBy(events.sequence);
  return order.flatMap(({ id }) => received.filter((hook) => hook.id === id));
}
