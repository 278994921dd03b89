// Figures, not assertions: starts the built app (embedded database, or DATABASE_URL), signs a
// merchant up, then measures creating payment intents and paying them at a fixed concurrency, and
// the server's memory. Run `npm run build` first.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const PORT = Number(process.env.BENCH_PORT ?? 3400);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const base = `http://localhost:${PORT}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kassa-bench-"));

const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(PORT)], {
  env: { ...process.env, KASSA_DATA_DIR: dataDir, KASSA_DEMO: "off", KASSA_RATE_LIMIT: "1000000", AUTH_SECRET: "bench-secret-0123456789abcdef", NODE_ENV: "production" },
  stdio: "ignore",
});
const stop = () => server.kill("SIGTERM");
process.on("exit", stop);

async function waitHealthy() {
  for (let i = 0; i < 300; i++) {
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("server did not start");
}

const post = (p, body, headers = {}) =>
  fetch(base + p, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) }).then((r) => r.json());

function rssMb(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024);
  } catch {
    return null;
  }
}

/** Treeish RSS: the next start process and its children (Next runs a child per server). */
function treeRssMb(pid) {
  const children = fs.readdirSync("/proc").filter((entry) => /^\d+$/.test(entry)).filter((entry) => {
    try {
      return fs.readFileSync(`/proc/${entry}/stat`, "utf8").split(" ")[3] === String(pid);
    } catch {
      return false;
    }
  });
  return [pid, ...children.map(Number)].reduce((sum, p) => sum + (rssMb(p) ?? 0), 0);
}

async function measure(name, count, task) {
  const latencies = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const i = next++;
        const t0 = performance.now();
        await task(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);
  console.log(`${name.padEnd(28)} ${String(Math.round(count / seconds)).padStart(6)} req/s   p50 ${pct(50)} ms   p95 ${pct(95)} ms   p99 ${pct(99)} ms`);
}

await waitHealthy();
const email = `bench-${Date.now()}@example.com`;
const password = "correct horse battery staple";
await post("/api/v1/auth/register", { email, password, name: "Bench" });
const { access_token: token } = await post("/api/v1/auth/login", { email, password });
const merchant = await post("/api/v1/merchants", { name: "Bench" }, { authorization: `Bearer ${token}` });
const key = await post(`/api/v1/merchants/${merchant.id}/api-keys`, {}, { authorization: `Bearer ${token}` });
const auth = { authorization: `Bearer ${key.secret_key}` };
const intent = { amount: 1999, currency: "USD", success_url: "https://shop.example/ok", cancel_url: "https://shop.example/cancel" };

console.log(`Kassa on the ${process.env.DATABASE_URL ? "postgres" : "embedded"} database, ${CONCURRENCY} concurrent clients, ${os.cpus().length} cores`);
console.log(`memory after start            ${treeRssMb(server.pid)} MB RSS`);
await measure("warm-up", 200, () => post("/api/v1/payment-intents", intent, auth));
const created = [];
await measure("create payment intent", REQUESTS, async () => created.push(await post("/api/v1/payment-intents", intent, auth)));
await measure("create (Idempotency-Key)", REQUESTS, (i) => post("/api/v1/payment-intents", intent, { ...auth, "idempotency-key": `bench-${i}` }));
await measure("read payment intent", REQUESTS, (i) => fetch(`${base}/api/v1/payment-intents/${created[i % created.length].id}`, { headers: auth }).then((r) => r.json()));
const toPay = created.slice(0, Math.min(created.length, REQUESTS / 2));
await measure("confirm (pay with 4242)", toPay.length, (i) =>
  post(`/api/v1/payment-intents/${toPay[i].id}/confirm`, {
    client_secret: toPay[i].client_secret,
    card: { number: "4242424242424242", exp_month: 12, exp_year: 2040, cvc: "123" },
  }),
);
console.log(`memory after load             ${treeRssMb(server.pid)} MB RSS`);
stop();
fs.rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
