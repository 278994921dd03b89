import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROUTE_METHODS, unknownRoute } from "@/lib/http/route-methods";
import { apiRouteFiles, handledMethods, REPO_ROOT } from "@/lib/testing/api-routes";

const call = (handler: (request: Request, context: any) => Promise<Response>, method: string, pathname: string) =>
  handler(new Request(`http://kassa.test${pathname}`, { method, headers: { "content-type": "application/json" } }), { params: Promise.resolve({}) });

describe("unknown paths under /api and /v1", () => {
  it.each([
    ["/api/nope", { error: { type: "invalid_request_error", code: "not_found", message: "Unrecognized request URL (GET: /api/nope).", param: null } }],
    ["/api/v1/payment-intents/pi_1/refund", { error: { type: "invalid_request_error", code: "not_found" } }],
    ["/api/platform/intents/x/y/z", { success: false, message: "Unrecognized request URL (GET: /api/platform/intents/x/y/z).", data: [] }],
    ["/api/payments/pay_1/refunds", { error: "not_found", message: "Unrecognized request URL (GET: /api/payments/pay_1/refunds)." }],
    ["/api/connect/authorize", { error: "not_found" }],
    ["/api/merchant/profile", { error: "not_found" }],
    ["/api/public/payment-intents", { success: false, error: "Unrecognized request URL (GET: /api/public/payment-intents).", code: "not_found" }],
    ["/api/v1/payments/pay_1/capture", { error: { code: "not_found" } }],
    ["/v1/refunds", { error: { type: "invalid_request_error", code: "not_found" } }],
  ])("%s answers a JSON 404 in the envelope of the dialect that owns it", async (pathname, envelope) => {
    for (const method of ["GET", "POST", "DELETE"]) {
      const response = await call(unknownRoute, method, pathname);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      const body = await response.json();
      expect(body).toMatchObject(method === "GET" ? envelope : {});
    }
  });
});

describe("methods a route does not answer", () => {
  const files = apiRouteFiles();

  it("finds the API's route files", () => {
    expect(files.length).toBeGreaterThan(35);
  });

  it.each(files.map(({ file }) => [path.relative(REPO_ROOT, file), file]))("%s answers every method, a JSON 405 with Allow for the ones it does not take", async (_name, file) => {
    const handled = handledMethods(file);
    const module = (await import(file)) as Record<string, unknown>;
    for (const method of ROUTE_METHODS) {
      expect(typeof module[method], `${method} is exported`).toBe("function");
      if (handled.includes(method) || file.includes("[...path]")) continue;
      const response = await call(module[method] as never, method, "/api/some/path");
      expect(response.status).toBe(405);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      expect(response.headers.get("allow")).toMatch(/OPTIONS$/);
      const body = JSON.stringify(await response.json());
      expect(body).toContain(`${method} is not allowed`);
    }
  });
});
