import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "./support/fixtures";
import { signUpMerchant } from "./support/api";
import { signIn } from "./support/dashboard";

/** One HTTP exchange from a chosen loopback address (Linux answers all of 127.0.0.0/8), so the server sees another client. */
function from(address: string, url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const request = http.request(url, { method: options.method ?? "GET", headers: options.headers, localAddress: address }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks).toString() }));
    });
    request.on("error", reject);
    request.end(options.body);
  });
}

/** A dashboard sign-in as the sign-in form sends it through next-auth: a CSRF token first, then the credentials. */
async function dashboardSignIn(base: string, address: string, email: string, password: string): Promise<string | null> {
  const csrf = await from(address, `${base}/api/auth/csrf`);
  const cookie = (csrf.headers["set-cookie"] ?? []).map((value) => value.split(";")[0]).join("; ");
  const form = new URLSearchParams({ csrfToken: JSON.parse(csrf.body).csrfToken, email, password, json: "true" });
  const answer = await from(address, `${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: form.toString(),
  });
  // next-auth answers {url}: with ?error=… when refused.
  return new URL(JSON.parse(answer.body).url).searchParams.get("error");
}

test("a stranger's failed sign-ins cannot lock the owner out of the dashboard", async ({ page, request, baseURL }) => {
  const owner = await signUpMerchant(request);
  for (let i = 0; i < 10; i++) expect(await dashboardSignIn(baseURL!, "127.0.0.2", owner.email, `guess ${i}`)).toBe("CredentialsSignin");
  // From the stranger's address even the right password is refused now…
  expect(await dashboardSignIn(baseURL!, "127.0.0.2", owner.email, owner.password)).toBe("throttled");
  // …while the owner, from their own address, signs in as usual.
  await signIn(page, owner.email, owner.password);
  await expect(page.getByText(`${owner.email} · owner`)).toBeVisible();
});

test("the sign-in page says when a network is throttled", async ({ page, request, baseURL }) => {
  // Ten failures on this account from the browser's own address (it reaches localhost over IPv4 or
  // IPv6, so both): only this account is stopped there, and no other test fails sign-ins from these
  // addresses, so they stay under their own limit.
  const owner = await signUpMerchant(request);
  for (let i = 0; i < 10; i++) {
    await dashboardSignIn(baseURL!, "127.0.0.1", owner.email, `typo ${i}`);
    await dashboardSignIn(baseURL!.replace("localhost", "[::1]"), "::1", owner.email, `typo ${i}`);
  }
  await page.goto("/signin");
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill(owner.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Too many" })).toHaveText("Too many failed sign-ins from your network. Wait a few minutes, then try again.");
});

test("malformed paths and bodies get a 4xx from the running server, never a 500", async ({ request }) => {
  const merchant = await signUpMerchant(request);
  const key = { authorization: `Bearer ${merchant.secretKey}` };
  expect((await request.get("/pay/%ff")).status()).toBe(404);
  expect((await request.get("/pay/%ED%A0%80?client_secret=x")).status()).toBe(404);
  for (const path of ["/api/v1/payment-intents/%ff", "/api/v1/payment-intents/%ED%A0%80/cancel", "/api/payments/%ff/status", "/v1/payments/%ff"]) {
    const method = path.endsWith("cancel") ? "POST" : "GET";
    const response = await request.fetch(path, { method, headers: { ...key, "x-api-key": merchant.secretKey } });
    expect(response.status(), path).toBe(404);
    expect(response.headers()["content-type"], path).toMatch(/^application\/json/);
  }
  const deep = "[".repeat(20_000) + "]".repeat(20_000);
  const login = await request.post("/api/v1/auth/login", { headers: { "content-type": "application/json" }, data: deep });
  expect(login.status()).toBe(400);
  expect((await login.json()).error.code).toBe("parameter_invalid");
});

test("the trailing-slash redirect keeps to this host", async ({ baseURL }) => {
  const slashed = await from("127.0.0.1", `${baseURL}//evil.example/`);
  expect(slashed.status).toBe(308);
  expect(slashed.headers.location).toBe("/evil.example");
});

/** A server action's id from the build, by the name it is exported under. */
function actionId(name: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8")) as { node: Record<string, { exportedName?: string }> };
  const id = Object.entries(manifest.node).find(([, action]) => action.exportedName === name)?.[0];
  if (!id) throw new Error(`no server action is exported as ${name}`);
  return id;
}

test("server actions called by hand get a 4xx: from another site's origin a 403, without their form data a 404, never a 500", async ({ request }) => {
  const call = (page: string, action: string, headers: Record<string, string>, data: string) =>
    request.post(page, { headers: { "next-action": actionId(action), "content-type": "text/plain;charset=UTF-8", ...headers }, data, maxRedirects: 0 });
  expect((await call("/demo", "payWithRedirect", { origin: "https://evil.example" }, "[]")).status()).toBe(403);
  expect((await call("/dashboard", "switchMerchant", { origin: "https://evil.example" }, "[]")).status()).toBe(403);
  expect((await call("/demo", "payWithRedirect", {}, "[]")).status()).toBe(404);
  expect((await call("/demo", "startEmbeddedCheckout", {}, "[]")).status()).toBe(404);
  expect((await call("/demo", "startEmbeddedCheckout", {}, '["no-such-product"]')).status()).toBe(404);
  expect((await call("/invite/nope", "signUp", {}, "[null]")).status()).toBe(404);
});
