import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { newMerchant, startKassa, waitFor, type KassaProcess } from "./kassa-process";

/** The operator's view of a running Kassa: its log lines and /metrics, from npm start as production runs it. */
const TOKEN = "metrics-token-for-the-test-0123456789";
let kassa: KassaProcess;
beforeAll(async () => {
  kassa = await startKassa({ KASSA_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "kassa-observe-")), DATABASE_URL: "", KASSA_METRICS_TOKEN: TOKEN });
});
afterAll(() => kassa.kill());

/** Every JSON line the process wrote so far. */
function logLines(): Record<string, any>[] {
  return kassa.logs
    .join("")
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, any>);
}

it("writes one JSON line per request, by route and never by id, with none of the request's secrets", async () => {
  const { secretKey } = await newMerchant(kassa.url);
  const key = { authorization: `Bearer ${secretKey}`, "content-type": "application/json" };
  const created = await fetch(`${kassa.url}/api/v1/payment-intents`, {
    method: "POST",
    headers: key,
    body: JSON.stringify({ amount: 1234, currency: "USD", success_url: "https://shop.example/ok", cancel_url: "https://shop.example/no" }),
  });
  const intent = (await created.json()) as { id: string; client_secret: string };
  const card = "4242424242424242";
  const paid = await fetch(`${kassa.url}/api/v1/payment-intents/${intent.id}/confirm`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ client_secret: intent.client_secret, card: { number: card, exp_month: 12, exp_year: new Date().getUTCFullYear() + 2, cvc: "737", name: "Ada" } }),
  });
  expect(paid.status).toBe(200);
  const page = await fetch(`${kassa.url}/pay/${intent.id}?client_secret=${intent.client_secret}`);
  const requestId = paid.headers.get("request-id")!;
  expect(paid.headers.get("x-request-id")).toBe(requestId);
  expect(paid.headers.get("x-kassa-route")).toBeNull();

  await waitFor(() => logLines().some((line) => line.request_id === page.headers.get("request-id")), 10_000, "the page's log line");
  const lines = logLines();
  const confirm = lines.find((line) => line.request_id === requestId);
  expect(confirm).toMatchObject({ msg: "request", method: "POST", route: "/api/v1/payment-intents/{id}/confirm", status: 200, dialect: "native", service: "kassa" });
  expect(typeof confirm!.duration_ms).toBe("number");
  expect(lines.find((line) => line.request_id === created.headers.get("request-id"))).toMatchObject({ route: "/api/v1/payment-intents", status: 201, merchant_id: expect.any(String) });
  expect(lines.find((line) => line.request_id === page.headers.get("request-id"))).toMatchObject({ route: "/pay/{id}", status: 200 });

  const everything = kassa.logs.join("");
  for (const secret of [secretKey, intent.client_secret, card, intent.id]) expect(everything).not.toContain(secret);
});

/** Prometheus's text format, checked line by line: every sample named, labelled and valued as it must be, under its HELP and TYPE. */
function parsePrometheus(text: string): Map<string, { type: string; samples: { labels: string; value: number }[] }> {
  const families = new Map<string, { type: string; samples: { labels: string; value: number }[] }>();
  for (const line of text.split("\n").filter(Boolean)) {
    const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (type) {
      families.set(type[1]!, { type: type[2]!, samples: [] });
      continue;
    }
    if (/^# HELP [a-zA-Z_:][a-zA-Z0-9_:]* .*$/.test(line)) continue;
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*\})? (-?[0-9.eE+-]+|NaN|\+Inf|-Inf)$/.exec(line);
    expect(sample, `not a Prometheus sample line: ${line}`).not.toBeNull();
    const family = [...families.keys()].find((name) => sample![1] === name || sample![1]!.startsWith(`${name}_`));
    expect(family, `a sample before its TYPE: ${line}`).toBeDefined();
    families.get(family!)!.samples.push({ labels: sample![2] ?? "", value: Number(sample![3]) });
  }
  return families;
}

it("serves /metrics only with its token, as Prometheus text: requests, payments, webhooks, outbox, worker loops, connections", async () => {
  expect((await fetch(`${kassa.url}/metrics`)).status).toBe(401);
  expect((await fetch(`${kassa.url}/metrics`, { headers: { authorization: "Bearer wrong" } })).status).toBe(401);
  const response = await fetch(`${kassa.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  const families = parsePrometheus(await response.text());
  expect(families.get("kassa_http_requests_total")!.samples.some((sample) => sample.labels.includes('route="/api/v1/payment-intents/{id}/confirm"'))).toBe(true);
  expect(families.get("kassa_http_request_duration_seconds")!.type).toBe("histogram");
  expect(families.get("kassa_payments_total")!.samples).toContainEqual({ labels: '{dialect="native",outcome="succeeded"}', value: 1 });
  for (const name of ["kassa_outbox_depth", "kassa_worker_loop_age_seconds", "kassa_db_connections", "kassa_webhook_deliveries_total", "kassa_webhook_delivery_lag_seconds", "kassa_card_declines_total"]) {
    expect(families.has(name), name).toBe(true);
  }
  expect(families.get("kassa_worker_loop_age_seconds")!.samples.length).toBeGreaterThan(0);
  expect(families.get("kassa_outbox_depth")!.samples.length).toBe(4);
});
