import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import net from "node:net";
import path from "node:path";
import type { Page } from "@playwright/test";

export type KassaProcess = { url: string; logs: string[]; kill: (signal?: NodeJS.Signals) => Promise<void> };

const START = path.resolve(__dirname, "../../scripts/start.mjs");

/** A port nobody holds at this moment. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/**
 * A real `npm start` of the built app, as production runs it, with its own environment, on a free
 * port. It counts as up only when /api/health answers with this child's own instance id, so a
 * server left over on the same port can never pass for it (a test restarting one instance gives the
 * id itself, and kills the first before it starts the second).
 */
export async function startKassa(env: Record<string, string>): Promise<KassaProcess> {
  const port = await freePort();
  // A test that restarts "the same" instance names it; otherwise each start is a new one.
  const instance = env.KASSA_INSTANCE_ID ?? randomUUID();
  const child: ChildProcess = spawn(process.execPath, [START], {
    cwd: path.resolve(__dirname, "../.."),
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      KASSA_PUBLIC_URL: `http://localhost:${port}`,
      AUTH_SECRET: "instances-test-secret-0123456789abcdef",
      KASSA_DEMO: "off",
      KASSA_ALLOW_PRIVATE_WEBHOOKS: "1",
      KASSA_WORKER_POLL_MS: "100",
      KASSA_PASSWORD_COST: "10",
      KASSA_INSTANCE_ID: instance,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => logs.push(chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => logs.push(chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Kassa on ${port} exited early:\n${logs.join("")}`);
    const healthy = await fetch(`${url}/api/health`).then(
      async (response) => response.ok && ((await response.json()) as { instance?: string }).instance === instance,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) throw new Error(`Kassa on ${port} did not become healthy:\n${logs.join("")}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    logs,
    kill: async (signal = "SIGTERM") => {
      if (child.exitCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** Signs a merchant up through the API and gives back its key (and how to sign in as its owner). */
export async function newMerchant(url: string): Promise<{ secretKey: string; clientId: string; email: string; password: string; accessToken: string; merchantId: string }> {
  const email = `instances-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`;
  const password = "correct horse battery staple";
  const json = (response: Response) => response.json() as Promise<any>;
  const post = (pathname: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}${pathname}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  await post("/api/v1/auth/register", { email, password, name: "Instances" });
  const { access_token: token } = await json(await post("/api/v1/auth/login", { email, password }));
  const merchant = await json(await post("/api/v1/merchants", { name: "Instances Shop" }, { authorization: `Bearer ${token}` }));
  const key = await json(await post(`/api/v1/merchants/${merchant.id}/api-keys`, {}, { authorization: `Bearer ${token}` }));
  return { secretKey: key.secret_key, clientId: key.client_id, email, password, accessToken: token, merchantId: merchant.id };
}

export async function api(url: string, secretKey: string, pathname: string, body?: unknown): Promise<any> {
  const response = await fetch(`${url}${pathname}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${secretKey}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response.json();
}

export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** With SHOT_DIR set, the page at phone and desktop widths, for a person to look at. */
export async function lookAt(page: Page, name: string): Promise<void> {
  const dir = process.env.SHOT_DIR;
  if (!dir) return;
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${dir}/${name}-${width}.png`, fullPage: true });
  }
}
