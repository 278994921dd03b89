import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import express from "express";
import type { AddressInfo } from "node:net";
import { expect, test } from "./support/fixtures";
import { signUpMerchant } from "./support/api";
import { mountSeedRoute } from "./seed-examples/mint-express-handler";

const run = promisify(execFile);
const example = (name: string) => fs.readFileSync(path.join(__dirname, "seed-examples", name), "utf8");

/** Writes an example with its base URL pointed at Kassa, and a line that prints what it got. */
function prepared(name: string, from: string, to: string, printResult = "") {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "seed-")), name);
  fs.writeFileSync(file, example(name).replaceAll(from, to) + printResult);
  return file;
}

test("seed 001's cURL example creates a mintro intent whose payment_url opens the checkout", async ({ request, baseURL, page }) => {
  const merchant = await signUpMerchant(request);
  const script = example("mintro-create-intent.sh")
    .replace("https://mintro.paywithwallet.net", baseURL!)
    .replace("YOUR_CLIENT_ID", merchant.clientId)
    .replace("YOUR_CLIENT_SECRET", merchant.secretKey);
  const { stdout } = await run("bash", ["-c", script]);
  const body = JSON.parse(stdout);
  expect(body).toMatchObject({ success: true, data: { status: "requires_payment", amount: "80.00" } });
  expect(body.data.intent_id).toMatch(/^pi_[0-9a-f-]{36}$/);
  await page.goto(body.data.payment_url);
  await expect(page.getByText("$80.00").first()).toBeVisible();
  // integration_type "iframe": the compact checkout folds the items behind a summary.
  await page.getByText("Order details (1 item)").click();
  await expect(page.getByText("Product 1")).toBeVisible();

  const again = JSON.parse((await run("bash", ["-c", script])).stdout);
  expect(again).toEqual(body);
});

test("seed 004's cURL, Node.js and Python examples each create a mutopay payment", async ({ request, baseURL, page }) => {
  const merchant = await signUpMerchant(request);
  const env = { ...process.env, MUTOPAY_CHANNEL_KEY: merchant.secretKey };
  const curl = (await run("bash", ["-c", example("mutopay-create-payment.sh").replace("https://mutopay.com", baseURL!)], { env })).stdout;
  const node = (
    await run("node", [prepared("mutopay-create-payment.mjs", "https://mutopay.com", baseURL!, "\nconsole.log(JSON.stringify(payment));\n")], { env })
  ).stdout;
  const python = (
    await run(process.env.SEED_EXAMPLES_PYTHON || "python3", [prepared("mutopay_create_payment.py", "https://mutopay.com", baseURL!, "\nprint(__import__('json').dumps(payment))\n")], { env })
  ).stdout;
  for (const output of [curl, node, python]) {
    const payment = JSON.parse(output);
    expect(payment).toMatchObject({ status: "pending", amount_usd: 25, currency: "USD", description: "Order #1042", external_id: "order_1042" });
    expect(payment.id).toMatch(/^pay_/);
  }
  await page.goto(JSON.parse(python).url);
  await expect(page.getByText("$25.00").first()).toBeVisible();
  await expect(page.getByText("Order #1042")).toBeVisible();
});

test("seed 000's Express route creates a mint payment and hands its data to the frontend", async ({ request, baseURL, page }) => {
  const merchant = await signUpMerchant(request);
  const checkouts = await (await request.get("/api/v1/checkouts", { headers: { "x-api-key": merchant.secretKey } })).json();
  Object.assign(process.env, { MINT_API_URL: baseURL, MINT_SECRET_KEY: merchant.secretKey, MINT_CHECKOUT_ID: checkouts.data[0].id });

  const app = express();
  app.use(express.json());
  mountSeedRoute(app);
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/api/mint/payments`, { method: "POST" });
    expect(response.status).toBe(200);
    const payment = await response.json();
    expect(payment).toMatchObject({
      status: "pending",
      amount: 49,
      currency: "USD",
      order_id: "order_123",
      customer_id: "customer_456",
      checkout_id: checkouts.data[0].id,
      metadata: { cart_id: "cart_789" },
    });
    await page.goto(payment.payment_url);
    await expect(page.getByText("$49.00").first()).toBeVisible();
  } finally {
    server.close();
  }
});
