import { validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { API_ROUTES } from "@/app/api/openapi/route-table";
import * as openapiRoute from "@/app/api/openapi/[document]/route";
import { apiRouteFiles } from "@/lib/testing/api-routes";
import { callRoute } from "@/lib/testing/call-route";
import { buildDocument, jsonSchema } from "../build-document";
import { routeDescriptions } from "../described-route";
import { API_REFERENCES } from "../references";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Document = { paths: Record<string, Record<string, { summary: string }>>; webhooks: Record<string, unknown> };

async function documents(): Promise<Map<string, Document>> {
  const db = await getDb();
  const built = new Map<string, Document>();
  for (const reference of API_REFERENCES) built.set(reference.dialect, (await buildDocument(db, reference, API_ROUTES)) as unknown as Document);
  return built;
}

/** Every API route file, as an OpenAPI path; unknown paths (catch-alls) and this reference itself are not operations. */
function documentedRoutePaths(): string[] {
  return apiRouteFiles()
    .map((route) => route.template.replace(/\[([^\]]+)\]/g, "{$1}"))
    .filter((template) => !template.includes("{...") && !template.startsWith("/api/openapi"));
}

describe("the OpenAPI documents", () => {
  it("are valid OpenAPI 3.1, one per dialect", async () => {
    for (const [name, document] of await documents()) {
      await expect(validate(structuredClone(document) as never), name).resolves.toBeTruthy();
    }
  });

  it("document every API route file, with every method it answers, in the dialect that answers it", async () => {
    const built = await documents();
    const documented = new Set<string>();
    for (const document of built.values()) for (const [route, methods] of Object.entries(document.paths)) for (const method of Object.keys(methods)) documented.add(`${method.toUpperCase()} ${route}`);

    const files = documentedRoutePaths();
    expect(files.length).toBeGreaterThan(40);
    expect(API_ROUTES.map((route) => route.path).sort()).toEqual(files.sort());
    for (const route of API_ROUTES) {
      const answered = METHODS.filter((method) => routeDescriptions(route.module[method]).length > 0);
      expect(answered.length, `${route.path} answers no documented method`).toBeGreaterThan(0);
      for (const method of answered) expect(documented, `${method} ${route.path}`).toContain(`${method} ${route.path}`);
    }
  });

  it("say something of each operation, and their request examples pass the routes' own validation", async () => {
    for (const reference of API_REFERENCES) {
      for (const route of API_ROUTES) {
        for (const method of METHODS) {
          for (const description of routeDescriptions(route.module[method])) {
            if (description.dialect !== reference.dialect) continue;
            const note = reference.operations[`${method} ${route.path}`];
            expect(note, `${reference.dialect}: ${method} ${route.path} has no summary`).toBeDefined();
            if (note?.requestExample) {
              const parsed = description.body!.safeParse(note.requestExample);
              expect(parsed.success, `${method} ${route.path}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
              // A field the schema does not know would be dropped in silence: the example would teach it wrongly.
              const known = Object.keys((jsonSchema(description.body!) as { properties?: object }).properties ?? {});
              expect(known, `${method} ${route.path}`).toEqual(expect.arrayContaining(Object.keys(note.requestExample)));
            }
          }
        }
      }
      for (const key of Object.keys(reference.operations)) {
        const [method, routePath] = key.split(" ") as [string, string];
        const route = API_ROUTES.find((candidate) => candidate.path === routePath);
        expect(route && routeDescriptions(route.module[method]).some((d) => d.dialect === reference.dialect), `${reference.dialect}: ${key} is no route`).toBe(true);
      }
    }
  });

  it("carry each request field's limits and the webhook bodies as the dialect sends them", async () => {
    const native = (await documents()).get("native") as unknown as {
      paths: Record<string, { post: { requestBody: { content: { "application/json": { schema: { properties: Record<string, Record<string, unknown>>; required: string[] } } } } } }>;
      webhooks: Record<string, { post: { requestBody: { content: { "application/json": { example: Record<string, unknown> } } } } }>;
    };
    const create = native.paths["/api/v1/payment-intents"]!.post.requestBody.content["application/json"].schema;
    expect(create.required).toEqual(expect.arrayContaining(["amount", "currency", "success_url", "cancel_url"]));
    expect(create.properties.amount).toMatchObject({ type: "integer", minimum: 1 });
    expect(JSON.stringify(create.properties.description)).toContain('"maxLength":1000');
    expect(native.webhooks["payment.succeeded"]!.post.requestBody.content["application/json"].example).toMatchObject({ type: "payment.succeeded" });
  });

  it("are served at /api/openapi/{dialect}.json, and an unknown one is a 404 in the native envelope", async () => {
    const served = await callRoute(openapiRoute.GET, { path: "/api/openapi/mutopay.json", params: { document: "mutopay.json" } });
    expect(served.status).toBe(200);
    expect(served.body).toMatchObject({ openapi: "3.1.0", paths: { "/api/payments": { post: expect.any(Object) } } });
    const unknown = await callRoute(openapiRoute.GET, { path: "/api/openapi/paypal.json", params: { document: "paypal.json" } });
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
  });
});

describe("the Stripe dialect's OpenAPI document", () => {
  it("documents its form-encoded operations, served from its own folder, and its webhooks by Stripe's names", async () => {
    const served = await callRoute(openapiRoute.GET, { path: "/api/openapi/stripe.json", params: { document: "stripe.json" } });
    expect(served.status).toBe(200);
    const create = served.body.paths["/v1/checkout/sessions"].post;
    expect(Object.keys(create.requestBody.content)).toEqual(["application/x-www-form-urlencoded"]);
    expect(create.requestBody.content["application/x-www-form-urlencoded"].schema.required).toContain("mode");
    expect(Object.keys(served.body.paths)).toEqual(expect.arrayContaining(["/v1/payment_intents/{id}/capture", "/v1/refunds", "/v1/webhook_endpoints/{id}", "/v1/events"]));
    expect(Object.keys(served.body.webhooks)).toEqual(expect.arrayContaining(["payment_intent.succeeded", "checkout.session.completed", "charge.refunded", "payment_intent.payment_failed"]));
    expect(served.body.webhooks["checkout.session.completed"].post.parameters.map((header: { name: string }) => header.name)).toContain("stripe-signature");
  });
});
