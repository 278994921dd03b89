import { createHash, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { parseStripeParams, type FormValue } from "@/lib/dialects/stripe/form";
import { FakeStripeLedger, invalid, type Answer } from "./ledger";

export type FakeStripeCall = { method: string; path: string; params: Record<string, FormValue>; idempotencyKey: string | null };
/** What to do with a call: answer it, hold its answer back (it is still carried out), or fail as a server that is down. */
type Disruption = "hold" | "down";

/**
 * A Stripe-compatible server on a free port, speaking the wire protocol of CONTRACTS.md section 3
 * (form bodies, Bearer keys, Idempotency-Key replays, card errors as 402), for the tests of Kassa's
 * Stripe acquirer adapter. It records every call, can hold answers back (a timeout) or be down, shows
 * a bank's 3-D Secure page, and sends signed webhooks.
 */
export async function startFakeStripe(options: { secretKey?: string; webhookSecret?: string } = {}) {
  const secretKey = options.secretKey ?? `sk_test_fake${randomBytes(8).toString("hex")}`;
  const webhookSecret = options.webhookSecret ?? `whsec_fake${randomBytes(16).toString("hex")}`;
  const calls: FakeStripeCall[] = [];
  const replays = new Map<string, { hash: string; answer: Answer }>();
  const held: http.ServerResponse[] = [];
  let disrupt: ((call: FakeStripeCall) => Disruption | null) | null = null;
  let url = "";
  const ledger = new FakeStripeLedger(() => url);

  const server = http.createServer(async (request, response) => {
    const target = new URL(request.url ?? "/", "http://fake");
    const raw = await readBody(request);
    if (target.pathname.startsWith("/challenge/")) return challenge(target, raw, response);
    if (request.headers.authorization !== `Bearer ${secretKey}`) {
      return send(response, { status: 401, body: { error: { type: "invalid_request_error", message: "Invalid API Key provided." } } });
    }
    const params = parseStripeParams(new URLSearchParams(request.method === "GET" ? target.search : raw));
    const key = typeof request.headers["idempotency-key"] === "string" ? request.headers["idempotency-key"] : null;
    const call: FakeStripeCall = { method: request.method ?? "GET", path: target.pathname, params, idempotencyKey: key };
    calls.push(call);
    const disruption = disrupt?.(call) ?? null;
    if (disruption === "down") return send(response, { status: 500, body: { error: { type: "api_error", message: "Fake Stripe is down." } } });
    const answer = idempotent(call, raw, () => route(call));
    if (disruption === "hold") held.push(response);
    else send(response, answer.answer, answer.replayed);
  });

  function idempotent(call: FakeStripeCall, raw: string, run: () => Answer): { answer: Answer; replayed: boolean } {
    if (call.method !== "POST" || !call.idempotencyKey) return { answer: run(), replayed: false };
    const hash = createHash("sha256").update(`${call.path}\n${raw}`).digest("hex");
    const known = replays.get(call.idempotencyKey);
    if (known && known.hash !== hash) {
      return { answer: { status: 400, body: { error: { type: "idempotency_error", message: "Keys for idempotent requests can only be used with the same parameters they were first used with." } } }, replayed: false };
    }
    if (known) return { answer: known.answer, replayed: true };
    const answer = run();
    replays.set(call.idempotencyKey, { hash, answer });
    return { answer, replayed: false };
  }

  function route({ method, path, params }: FakeStripeCall): Answer {
    const [, , resource, id, action] = path.split("/");
    if (method === "POST" && path === "/v1/customers") return ledger.createCustomer();
    if (method === "POST" && path === "/v1/payment_methods") return ledger.createPaymentMethod(params);
    if (method === "POST" && path === "/v1/payment_intents") return ledger.createPaymentIntent(params);
    if (method === "GET" && path === "/v1/payment_intents/search") return ledger.search(String(params.query ?? ""));
    if (resource === "payment_intents" && id && !action && method === "GET") {
      const intent = ledger.intents.get(id);
      return intent ? { status: 200, body: intent } : invalid(`No such payment_intent: '${id}'`, "intent", 404);
    }
    if (resource === "payment_intents" && id && action === "confirm" && method === "POST") return ledger.confirm(id, params);
    if (resource === "payment_intents" && id && action === "capture" && method === "POST") return ledger.capture(id, params);
    if (resource === "payment_intents" && id && action === "cancel" && method === "POST") return ledger.cancel(id);
    if (method === "POST" && path === "/v1/refunds") return ledger.refund(params);
    return invalid(`Unrecognized request URL (${method}: ${path}).`, undefined, 404);
  }

  /** The bank's page: two buttons, posting back here, then on to the merchant's return_url as Stripe redirects. */
  function challenge(target: URL, raw: string, response: http.ServerResponse) {
    const intentId = target.pathname.split("/")[2] ?? "";
    const intent = ledger.intents.get(intentId);
    const next = intent?.next_action as { redirect_to_url?: { return_url: string } } | null;
    if (!raw) {
      response.writeHead(intent ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
      return response.end(`<!doctype html><title>Fake bank</title><h1>Fake bank: 3-D Secure</h1>
        <form method="post"><button name="answer" value="complete">Complete authentication</button><button name="answer" value="fail">Fail authentication</button></form>`);
    }
    const returnUrl = next?.redirect_to_url?.return_url;
    ledger.answerChallenge(intentId, new URLSearchParams(raw).get("answer") === "complete");
    if (!returnUrl) return send(response, invalid("This PaymentIntent is not waiting for authentication."));
    const back = new URL(returnUrl);
    back.searchParams.set("payment_intent", intentId);
    response.writeHead(303, { location: back.toString() });
    response.end();
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    secretKey,
    webhookSecret,
    calls,
    ledger,
    /** Calls to one resource path, such as POST /v1/payment_intents. */
    callsTo: (method: string, path: string) => calls.filter((call) => call.method === method && call.path === path),
    /** From now on, each call the predicate picks is held (carried out, never answered) or refused as by a server that is down. */
    disrupt(choose: ((call: FakeStripeCall) => Disruption | null) | null) {
      disrupt = choose;
    },
    /** A signed event about a PaymentIntent, as Stripe sends it, POSTed to Kassa's webhook URL. */
    async sendEvent(to: string, type: string, intentId: string, secret = webhookSecret): Promise<Response> {
      const payload = JSON.stringify({
        id: `evt_${randomBytes(12).toString("hex")}`,
        object: "event",
        api_version: "2026-10-28.endive",
        created: Math.floor(Date.now() / 1000),
        livemode: false,
        pending_webhooks: 1,
        request: { id: null, idempotency_key: null },
        type,
        data: { object: ledger.intents.get(intentId) },
      });
      const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret });
      return fetch(to, { method: "POST", headers: { "content-type": "application/json", "stripe-signature": signature }, body: payload });
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of held) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type FakeStripe = Awaited<ReturnType<typeof startFakeStripe>>;

function send(response: http.ServerResponse, answer: Answer, replayed = false) {
  response.writeHead(answer.status, {
    "content-type": "application/json",
    "request-id": `req_${randomBytes(8).toString("hex")}`,
    ...(replayed ? { "idempotent-replayed": "true" } : {}),
  });
  response.end(JSON.stringify(answer.body));
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}
