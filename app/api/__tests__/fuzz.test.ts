import fc from "fast-check";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { queryRows } from "@/db/rows";
import { dialectForPath } from "@/lib/dialects/registry";
import { unknownRoute, type RouteHandler } from "@/lib/http/route-methods";
import { apiRouteFiles, handledMethods } from "@/lib/testing/api-routes";
import { createTestMerchant, type TestMerchant } from "@/lib/testing/fixtures";

/**
 * Thousands of generated bad requests to every route of every dialect, on a real database: bodies
 * (any JSON, broken JSON, deep nesting, NUL and lone surrogates, huge numbers), headers (keys in
 * every style, broken, wrong) and path parameters. Whatever comes in: no 5xx, the envelope of the
 * route's dialect, and a rejected request writes nothing.
 */
const RUNS_PER_ROUTE = Number(process.env.KASSA_FUZZ_RUNS ?? 100);

/** Every byte of the text's UTF-8 as %XX (a lone surrogate becomes U+FFFD, as a browser sends it). */
const percentEncoded = (text: string) => [...new TextEncoder().encode(text)].map((byte) => `%${byte.toString(16).padStart(2, "0")}`).join("");

/** Tables a request writes business rows to. Failed sign-ins and rate-limit windows are bookkeeping that a refusal writes by design. */
const TABLES = [
  "users",
  "merchants",
  "memberships",
  "api_keys",
  "payment_intents",
  "payment_attempts",
  "card_tokens",
  "events",
  "refunds",
  "subscriptions",
  "webhook_endpoints",
  "webhook_deliveries",
  "checkouts",
  "connected_sites",
  "invitations",
  "idempotency_keys",
  "dialect_objects",
];

async function rowCounts(): Promise<Record<string, number>> {
  const [row] = await queryRows<Record<string, number>>(
    await getDb(),
    sql.raw(`select ${TABLES.map((table) => `(select count(*)::int from ${table}) as ${table}`).join(", ")}`),
  );
  return row!;
}

let merchant: TestMerchant;
beforeAll(async () => {
  merchant = await createTestMerchant();
});

const hostile = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("\u0000", "\ud800", "a\udfffb", "%ff", "%ED%A0%80", "../../etc/passwd", "<script>", "' or 1=1 --", "🙂".repeat(30), "x".repeat(3000)),
);

/** Stripe's form encoding with nested keys (a[b][0][c]=…), as its SDKs send bodies: real field names and hostile ones. */
const formKey = fc.oneof(
  fc.constantFrom("amount", "currency", "mode", "confirm", "payment_method", "line_items[0][price]", "line_items[0][quantity]", "line_items[0][price_data][unit_amount]", "line_items[0][price_data][currency]", "line_items[0][price_data][product_data][name]", "line_items[0][price_data][recurring][interval]", "metadata[order]", "expand[]", "expand[0]", "enabled_events[]", "url", "payment_intent", "charge", "amount_to_capture", "expires_at", "ui_mode", "success_url", "return_url", "payment_method_data[card][number]", "name", "unit_amount", "product", "recurring[interval]", "customer", "email"),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.constantFrom("a[", "a]b", "__proto__[x]", "a[constructor][prototype]", `a${"[b]".repeat(12)}`, "a[99999]", "a[]"),
);
const formBody = fc.array(fc.tuple(formKey, fc.oneof(hostile, fc.constantFrom("2000", "usd", "payment", "subscription", "true", "pm_card_visa", "https://shop.example/x", "-1", "1e9", "99999999999"))), { maxLength: 12 }).map((pairs) => new URLSearchParams(pairs).toString());

const body = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
  formBody,
  fc.record({ amount: fc.oneof(fc.double(), fc.integer(), hostile, fc.constant(1e308)), currency: hostile, metadata: fc.dictionary(hostile, hostile, { maxKeys: 3 }) }).map((value) => JSON.stringify(value)),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.integer({ min: 40, max: 5000 }).map((depth) => "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)),
  fc.constant('{"a":"\\u0000"}'),
  fc.constant('{"email":"\\ud800@example.com","password":"x"}'),
);

const headers = (secretKey: string, clientId: string) =>
  fc.record({
    auth: fc.constantFrom<Record<string, string>>(
      {},
      { authorization: "Bearer " },
      { authorization: "Bearer sk_test_nope" },
      { authorization: "Basic Zm9vOmJhcg==" },
      { authorization: `Bearer ${secretKey}` },
      { "x-api-key": secretKey },
      { "x-api-key": "nope" },
      { "x-client-id": clientId, "x-client-secret": secretKey },
      { "x-client-id": "nope", "x-client-secret": secretKey },
      { "x-client-secret": "pi_secret_nope" },
    ),
    idempotency: fc.option(hostile.filter((key) => /^[\x20-\x7e]*$/.test(key)), { nil: undefined }),
    contentType: fc.constantFrom("application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data"),
  });

/** The envelope a refusal must come in, for the route that answered (seed 002's service answers X-API-Key on its three shared routes). */
function inEnvelope(template: string, requestHeaders: Record<string, string>, status: number, answer: any): boolean {
  const sharedWithService = /^\/api\/v1\/payment-intents(\/\[id\](\/cancel)?)?$/.test(template);
  const dialect = sharedWithService && requestHeaders["x-api-key"] && !requestHeaders.authorization ? "gateway" : dialectForPath(template)?.name;
  switch (dialect) {
    case "mintro":
      return status === 422 ? typeof answer.message === "string" && typeof answer.errors === "object" : answer.success === false && typeof answer.message === "string";
    case "mutopay":
      return typeof answer.error === "string";
    case "gateway":
      return answer.success === false && typeof answer.error === "string";
    default:
      return typeof answer.error?.code === "string" && typeof answer.error?.message === "string";
  }
}

describe("fuzzing every API route", () => {
  const routes = apiRouteFiles().filter(({ template }) => !template.includes("[...") && template !== "/api/health");
  let sent = 0;

  it.each(routes.map((route) => [route.template, route]))("%s", async (_template, route) => {
    const module = (await import(route.file)) as Record<string, RouteHandler>;
    const params = fc.dictionary(fc.constantFrom("id", "key_id", "reference_id"), hostile, { minKeys: 1 });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...handledMethods(route.file)), body, headers(merchant.secretKey, merchant.apiKey.clientId), params, hostile, async (method, raw, sent_, pathParams, query) => {
        const requestHeaders: Record<string, string> = { "content-type": sent_.contentType, ...sent_.auth, ...(sent_.idempotency ? { "idempotency-key": sent_.idempotency } : {}) };
        const before = await rowCounts();
        const url = new URL(`http://kassa.test${route.template}`);
        url.searchParams.set("q", query);
        url.searchParams.set("limit", query);
        const response = await module[method]!(
          new Request(url, { method, headers: requestHeaders, body: method === "GET" || method === "DELETE" ? undefined : raw }),
          { params: Promise.resolve(pathParams) },
        );
        sent++;
        expect(response.status, `${method} ${route.template} ${raw.slice(0, 200)}`).toBeLessThan(500);
        if (response.status < 400) return;
        const answer = await response.json();
        expect(inEnvelope(route.template, requestHeaders, response.status, answer), `${method} ${route.template}: ${JSON.stringify(answer)}`).toBe(true);
        expect(await rowCounts(), `${method} ${route.template} was refused but wrote`).toEqual(before);
      }),
      { numRuns: RUNS_PER_ROUTE },
    );
  });

  it("sends unknown paths a JSON 404 in their prefix's envelope", async () => {
    const path = fc.tuple(fc.constantFrom("/api", "/api/v1", "/api/platform", "/api/payments", "/api/public", "/v1"), fc.array(hostile, { minLength: 1, maxLength: 4 }));
    await fc.assert(
      fc.asyncProperty(path, fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE"), async ([prefix, segments], method) => {
        const pathname = `${prefix}/${segments.map(percentEncoded).join("/")}`;
        const response = await unknownRoute(new Request(`http://kassa.test${pathname}`, { method }), { params: Promise.resolve({}) });
        sent++;
        expect(response.status).toBe(404);
        expect(inEnvelope(prefix, {}, 404, await response.json())).toBe(true);
      }),
      { numRuns: 300 },
    );
    console.log(`[fuzz] sent ${sent} generated requests; 0 answered 5xx`);
  });
});
