#!/usr/bin/env node
// npm run bench: Kassa's hot paths against a bare Next.js app on the same stack (scripts/bench/
// baseline: a drizzle insert route, a drizzle read of one row by id, a constant route), both started as production servers in
// the same run, loaded by autocannon from this separate process, each case measured A B A B.
// Figures, not assertions: nothing here passes or fails.
//
//   npm run build && npm run bench               both databases (PostgreSQL when DATABASE_URL is set)
//   BENCH_DATABASES=postgres BENCH_SECONDS=5 …   one database, shorter runs
//   BENCH_PROFILE=/tmp/profiles …                 a CPU profile of Kassa over the whole run
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import postgres from "postgres";
import { checkoutWeight } from "./bench/checkout-weight.mjs";
import { seedIntents } from "./bench/seed-intents.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");
const BASELINE = path.join(ROOT, "scripts/bench/baseline");
const NEXT = path.join(ROOT, "node_modules/next/dist/bin/next");
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const WEBHOOK_EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 2000);
/** BENCH_SCALE_INTENTS=1000000: on PostgreSQL, fill the merchant with that many payments and measure create and read again. */
const SCALE_INTENTS = Number(process.env.BENCH_SCALE_INTENTS ?? 0);
/** BENCH_CASES=read,confirm runs only those (by the first word of each case's name), for a quick look. */
const onlyCases = process.env.BENCH_CASES?.split(",");
const databases = (process.env.BENCH_DATABASES ?? (process.env.DATABASE_URL ? "postgres,embedded" : "embedded")).split(",");

const json = (response) => response.json();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function rssMb(pid) {
  try {
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))[1]) / 1024);
  } catch {
    return null;
  }
}

async function startServer(name, args, env) {
  const port = await freePort();
  const child = spawn(process.execPath, args(port), { cwd: ROOT, env: { ...process.env, NODE_ENV: "production", PORT: String(port), ...env }, stdio: ["ignore", "ignore", "pipe"] });
  let errors = "";
  child.stderr.on("data", (chunk) => (errors += chunk));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${name} exited: ${errors}`);
    if (await fetch(`${url}${name === "kassa" ? "/api/health" : "/constant"}`).then((r) => r.ok, () => false)) {
      return { name, url, pid: child.pid, stop: () => new Promise((resolve) => (child.once("exit", resolve), child.kill("SIGTERM"))) };
    }
    await sleep(100);
  }
  throw new Error(`${name} did not start: ${errors}`);
}

/** One autocannon run; `requests` may rewrite each request (a fresh key, the next intent to pay). */
function load(url, options) {
  const settings = { url, connections: CONNECTIONS, headers: { "content-type": "application/json" }, ...options };
  // A fixed number of requests, or else a fixed time.
  if (settings.amount === undefined) settings.duration ??= SECONDS;
  else {
    delete settings.duration;
    settings.connections = Math.min(settings.connections, settings.amount);
  }
  const { onTime, ...config } = settings;
  return new Promise((resolve, reject) => {
    const instance = autocannon(config, (error, result) => (error ? reject(error) : resolve(result)));
    // Each response's time, for percentiles autocannon does not give (p95).
    if (onTime) instance.on("response", (_client, _status, _bytes, time) => onTime(time));
    autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
  });
}

const rps = (result) => result.requests.total / (result.duration || SECONDS);
const summary = (result) => ({ rps: rps(result), p50: result.latency.p50, p99: result.latency.p99, errors: result.non2xx + result.errors });

/** A then B, twice, so neither side always runs on the warmer machine; the figure is the mean of the two. */
async function pair(name, floor, kassa) {
  if (onlyCases && !onlyCases.includes(name.split(/[ ,(]/)[0])) return { case: name, skipped: true };
  const runs = { floor: [], kassa: [] };
  for (let round = 0; round < 2; round++) {
    runs.floor.push(summary(await floor()));
    runs.kassa.push(summary(await kassa()));
  }
  const mean = (list, key) => list.reduce((sum, run) => sum + run[key], 0) / list.length;
  const row = {
    case: name,
    floor: Math.round(mean(runs.floor, "rps")),
    kassa: Math.round(mean(runs.kassa, "rps")),
    floorP50: mean(runs.floor, "p50"),
    kassaP50: mean(runs.kassa, "p50"),
    kassaP99: mean(runs.kassa, "p99"),
    errors: runs.kassa.reduce((sum, run) => sum + run.errors, 0),
  };
  row.ratio = row.kassa / row.floor;
  console.log(
    `  ${name.padEnd(34)} floor ${String(row.floor).padStart(6)}/s  kassa ${String(row.kassa).padStart(6)}/s  ${row.ratio.toFixed(2)}×   ` +
      `p50 ${row.floorP50.toFixed(1)} vs ${row.kassaP50.toFixed(1)} ms  p99 ${row.kassaP99.toFixed(1)} ms${row.errors ? `  (${row.errors} errors)` : ""}`,
  );
  return row;
}

async function signUp(base) {
  const post = (pathname, body, headers = {}) =>
    fetch(base + pathname, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) }).then(json);
  const email = `bench-${randomBytes(6).toString("hex")}@example.com`;
  const password = "correct horse battery staple";
  await post("/api/v1/auth/register", { email, password, name: "Bench" });
  const { access_token: token } = await post("/api/v1/auth/login", { email, password });
  const merchant = await post("/api/v1/merchants", { name: "Bench" }, { authorization: `Bearer ${token}` });
  const key = await post(`/api/v1/merchants/${merchant.id}/api-keys`, {}, { authorization: `Bearer ${token}` });
  return { merchantId: merchant.id, auth: { authorization: `Bearer ${key.secret_key}` } };
}

const INTENT = JSON.stringify({ amount: 1999, currency: "USD", success_url: "https://shop.example/ok", cancel_url: "https://shop.example/cancel", description: "Bench order" });
const CARD = { number: "4242424242424242", exp_month: 12, exp_year: 2040, cvc: "123" };

/** Creates `count` intents through the API (autocannon again), keeping what paying them needs. */
async function createIntents(kassa, auth, count) {
  const made = [];
  await load(`${kassa.url}/api/v1/payment-intents`, {
    amount: count,
    headers: { "content-type": "application/json", ...auth },
    requests: [{ method: "POST", body: INTENT, onResponse: (status, body) => status === 201 && made.push(JSON.parse(body)) }],
  });
  return made;
}

/** A webhook receiver that notes when each event arrives. */
async function startReceiver() {
  const arrivals = [];
  const server = http.createServer((request, response) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => {
      const at = Date.now();
      const payload = JSON.parse(Buffer.concat(chunks).toString());
      arrivals.push({ at, id: payload.id, createdAt: Date.parse(payload.created_at) });
      response.writeHead(200).end("ok");
    });
  });
  server.keepAliveTimeout = 30_000;
  const port = await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server.address().port)));
  return { url: `http://127.0.0.1:${port}/hooks`, arrivals, close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve))) };
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

async function waitFor(check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await sleep(20);
  }
  return true;
}

/**
 * Webhooks: events made at a steady rate through the API (cancels), timed from the event's commit
 * to its arrival; and, on PostgreSQL, a burst of WEBHOOK_EVENTS deliveries committed at once, timed
 * until the last arrives, for what one worker can push.
 */
async function measureWebhooks(kassa, auth, merchantId, databaseUrl) {
  const receiver = await startReceiver();
  try {
    const intents = await createIntents(kassa, auth, WEBHOOK_EVENTS);
    const endpoint = await fetch(`${kassa.url}/api/v1/webhook-endpoints`, {
      method: "POST",
      headers: { "content-type": "application/json", ...auth },
      body: JSON.stringify({ url: receiver.url }),
    }).then(json);
    let next = 0;
    await load(kassa.url, {
      amount: intents.length,
        connections: 10,
      overallRate: 400,
      headers: { "content-type": "application/json", ...auth },
      requests: [{ method: "POST", setupRequest: (request) => ({ ...request, path: `/api/v1/payment-intents/${intents[next++].id}/cancel`, body: "{}" }) }],
    });
    await waitFor(() => receiver.arrivals.length >= intents.length, 60_000);
    const lags = receiver.arrivals.map((arrival) => arrival.at - arrival.createdAt);
    const spread = (receiver.arrivals.at(-1).at - receiver.arrivals[0].at) / 1000;
    const steady = { events: receiver.arrivals.length, perSecond: receiver.arrivals.length / spread, p50: percentile(lags, 50), p99: percentile(lags, 99) };
    console.log(
      `  webhooks, steady (cancels at up to 400/s)   ${steady.events} delivered at ${Math.round(steady.perSecond)}/s, lag from commit p50 ${steady.p50} ms, p99 ${steady.p99} ms`,
    );
    if (!databaseUrl) return { steady };

    // The same events again, all due at once: one INSERT commits WEBHOOK_EVENTS deliveries.
    receiver.arrivals.length = 0;
    const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    const committed = Date.now();
    await sql`
      insert into webhook_deliveries (id, merchant_id, event_id, endpoint_id)
      select 'whd_bench_' || md5(random()::text || id), merchant_id, id, ${endpoint.id} from events
      where merchant_id = ${merchantId} and type = 'payment.canceled'`;
    await sql.end();
    await waitFor(() => receiver.arrivals.length >= WEBHOOK_EVENTS, 120_000);
    const last = receiver.arrivals.at(-1).at;
    const burst = { events: receiver.arrivals.length, perSecond: receiver.arrivals.length / ((last - receiver.arrivals[0].at) / 1000), drainedMs: last - committed };
    console.log(`  webhooks, ${burst.events} due at once            ${Math.round(burst.perSecond)}/s by one worker, all delivered ${burst.drainedMs} ms after the commit`);
    return { steady, burst };
  } finally {
    await receiver.close();
  }
}

/**
 * Another client's reads while one address floods the login with 200 wrong passwords: the same load
 * alone, then beside the flood, in one run. Only the first guesses are ever hashed (the limit is
 * checked, and the attempt counted, before the password is), so the flood should cost the reads little.
 */
async function measureSignInFlood(kassa, auth, intentId) {
  const seconds = Math.max(3, SECONDS / 2);
  const reads = async () => {
    const times = [];
    await load(`${kassa.url}/api/v1/payment-intents/${intentId}`, { headers: { "content-type": "application/json", ...auth }, connections: 4, duration: seconds, onTime: (time) => times.push(time) });
    return { p50: percentile(times, 50), p95: percentile(times, 95) };
  };
  const victim = `flood-${randomBytes(4).toString("hex")}@example.com`;
  const alone = await reads();
  // Spread over the whole measured run, from 20 connections at once.
  const flood = load(`${kassa.url}/api/v1/auth/login`, { amount: 200, connections: 20, overallRate: 200 / seconds, method: "POST", body: JSON.stringify({ email: victim, password: "not the password" }) });
  const during = await reads();
  await flood;
  console.log(
    `  reads beside 200 wrong passwords            p50 ${alone.p50.toFixed(1)} → ${during.p50.toFixed(1)} ms (${(during.p50 / alone.p50).toFixed(2)}×), ` +
      `p95 ${alone.p95.toFixed(1)} → ${during.p95.toFixed(1)} ms (${(during.p95 / alone.p95).toFixed(2)}×); target ≤ 1.2×`,
  );
  return { alone, during };
}

async function benchDatabase(database) {
  let databaseUrl = null;
  let admin = null;
  const dataDirs = [];
  if (database === "postgres") {
    if (!process.env.DATABASE_URL) throw new Error("BENCH_DATABASES includes postgres but DATABASE_URL is not set");
    admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
    const name = `kassa_bench_${randomBytes(4).toString("hex")}`;
    await admin.unsafe(`create database ${name}`);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
  }
  const dataDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kassa-bench-"));
    dataDirs.push(dir);
    return dir;
  };
  const common = databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: "" };
  // BENCH_PROFILE=<folder>: Kassa writes a V8 CPU profile there when it stops, for reading where its time went.
  const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE)}`] : [];
  const kassa = await startServer("kassa", () => [...profile, path.join(ROOT, "scripts/start.mjs")], {
    ...common,
    KASSA_DATA_DIR: dataDir(),
    KASSA_DEMO: "off",
    KASSA_RATE_LIMIT: "100000000",
    KASSA_ALLOW_PRIVATE_WEBHOOKS: "1",
    KASSA_WORKER_POLL_MS: "100",
    AUTH_SECRET: "bench-secret-0123456789abcdef",
    KASSA_PUBLIC_URL: "http://127.0.0.1",
  });
  const floor = await startServer("baseline", (port) => [NEXT, "start", BASELINE, "-p", String(port)], { ...common, BASELINE_DATA_DIR: dataDir() });
  const memory = { start: { kassa: rssMb(kassa.pid), floor: rssMb(floor.pid) } };
  console.log(`\n${database === "postgres" ? "PostgreSQL" : "Embedded database (PGlite)"}: ${CONNECTIONS} connections, ${SECONDS} s per run, ${os.cpus().length} cores`);

  const { auth, merchantId } = await signUp(kassa.url);
  const [one] = await createIntents(kassa, auth, 1);
  const insert = (options = {}) => () => load(`${floor.url}/insert`, { method: "POST", body: '{"label":"bench"}', ...options });
  const constant = () => load(`${floor.url}/constant`);
  const floorRow = await fetch(`${floor.url}/insert`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"label":"read me"}' }).then(json);
  const readRow = () => load(`${floor.url}/read/${floorRow.id}`);
  const kassaLoad = (pathname, options = {}) => () => load(`${kassa.url}${pathname}`, { headers: { "content-type": "application/json", ...auth }, ...options });

  // Warm both up, so neither pays for its first compilations inside a measured run.
  await load(`${floor.url}/insert`, { method: "POST", body: "{}", duration: 2 });
  await kassaLoad("/api/v1/payment-intents", { method: "POST", body: INTENT, duration: 2 })();

  const rows = [];
  rows.push(await pair("create intent", insert(), kassaLoad("/api/v1/payment-intents", { method: "POST", body: INTENT })));
  let key = 0;
  rows.push(
    await pair(
      "create with Idempotency-Key",
      insert(),
      kassaLoad("/api/v1/payment-intents", {
        requests: [{ method: "POST", body: INTENT, setupRequest: (request) => ({ ...request, headers: { ...request.headers, "idempotency-key": `bench-${key++}` } }) }],
      }),
    ),
  );
  rows.push(await pair("read intent", readRow, kassaLoad(`/api/v1/payment-intents/${one.id}`)));
  rows.push(await pair("read intent vs a constant", constant, kassaLoad(`/api/v1/payment-intents/${one.id}`)));
  rows.push(await pair("list intents (10)", constant, kassaLoad("/api/v1/payment-intents?limit=10")));
  // Each confirm pays a different intent, so every request charges a card.
  const toPay = onlyCases && !onlyCases.includes("confirm") ? [] : await createIntents(kassa, auth, Math.round(SECONDS * 1000));
  let paying = 0;
  rows.push(
    await pair("confirm (pay with 4242)", insert(), () => {
      const batch = Math.floor(toPay.length / 2);
      return load(kassa.url, {
        amount: batch,
        requests: [
          {
            method: "POST",
            setupRequest: (request) => {
              const intent = toPay[paying++ % toPay.length];
              return { ...request, path: `/api/v1/payment-intents/${intent.id}/confirm`, body: JSON.stringify({ client_secret: intent.client_secret, card: CARD }) };
            },
          },
        ],
      });
    }),
  );
  rows.push(await pair("checkout page (server render)", constant, kassaLoad(`/pay/${one.id}?client_secret=${one.client_secret}`, { headers: {} })));
  const weight = !onlyCases || onlyCases.includes("checkout") ? await checkoutWeight(`${kassa.url}/pay/${one.id}?client_secret=${one.client_secret}`) : null;
  if (weight) {
    console.log(
      `  checkout in a phone's browser         ${weight.scripts} script(s), ${(weight.jsCompressed / 1024).toFixed(1)} KB of JavaScript as sent ` +
        `(${(weight.jsUnpacked / 1024).toFixed(1)} KB unpacked; target ≤ 90 KB), ${(weight.transferred / 1024).toFixed(1)} KB transferred in all, LCP ${weight.lcpMs} ms`,
    );
  }
  const flood = !onlyCases || onlyCases.includes("flood") ? await measureSignInFlood(kassa, auth, one.id) : null;
  const single = await pair("create, one connection", insert({ connections: 1 }), kassaLoad("/api/v1/payment-intents", { method: "POST", body: INTENT, connections: 1 }));
  // autocannon times in whole milliseconds; one request at a time, the mean is exact to the run.
  console.log(`    one at a time, mean latency: floor ${(1000 / single.floor).toFixed(2)} ms, kassa ${(1000 / single.kassa).toFixed(2)} ms (target p50 ≤ 2.5 ms)`);
  rows.push(single);

  const webhooks = onlyCases && !onlyCases.includes("webhooks") ? null : await measureWebhooks(kassa, auth, merchantId, databaseUrl);
  if (databaseUrl && SCALE_INTENTS > 0) {
    console.log(`  filling the merchant with ${SCALE_INTENTS.toLocaleString("en")} payments…`);
    await seedIntents(databaseUrl, merchantId, SCALE_INTENTS, () => {});
    const [seededOne] = await createIntents(kassa, auth, 1);
    for (const [name, run] of [
      ["create intent", () => pair(`create, ${SCALE_INTENTS / 1e6}M payments stored`, insert(), kassaLoad("/api/v1/payment-intents", { method: "POST", body: INTENT }))],
      ["read intent", () => pair(`read, ${SCALE_INTENTS / 1e6}M payments stored`, constant, kassaLoad(`/api/v1/payment-intents/${seededOne.id}`))],
    ]) {
      const empty = rows.find((row) => row.case === name);
      const full = await run();
      rows.push(full);
      // The machine itself may be slower by now (autovacuum, checkpoints after the fill): the floor,
      // measured beside it, shows by how much, so the ratio to the floor is compared too.
      if (empty && !empty.skipped) {
        console.log(
          `    ${name} with the payments stored runs at ${(full.kassa / empty.kassa).toFixed(2)}× its speed on the empty database ` +
            `(the floor at ${(full.floor / empty.floor).toFixed(2)}× of its own; against the floor, ${full.ratio.toFixed(2)}× then ${empty.ratio.toFixed(2)}× before)`,
        );
      }
    }
  }
  memory.end = { kassa: rssMb(kassa.pid), floor: rssMb(floor.pid) };
  console.log(`  memory (RSS)                       kassa ${memory.start.kassa} → ${memory.end.kassa} MB, floor ${memory.start.floor} → ${memory.end.floor} MB`);

  await kassa.stop();
  await floor.stop();
  if (admin) {
    await admin.unsafe(`drop database if exists ${new URL(databaseUrl).pathname.slice(1)} with (force)`);
    await admin.end();
  }
  for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
  return { database, rows, webhooks, memory, checkout: weight, flood };
}

if (!fs.existsSync(path.join(ROOT, ".next/BUILD_ID"))) {
  console.log("Building Kassa (npm run build)…");
  execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
}
if (!fs.existsSync(path.join(BASELINE, ".next/BUILD_ID"))) {
  console.log("Building the baseline app…");
  execFileSync(process.execPath, [NEXT, "build", BASELINE], { cwd: ROOT, stdio: "inherit" });
}
const results = [];
for (const database of databases) results.push(await benchDatabase(database));
fs.writeFileSync(path.join(os.tmpdir(), "kassa-bench.json"), JSON.stringify(results, null, 2));
console.log(`\nAll figures also in ${path.join(os.tmpdir(), "kassa-bench.json")}`);
