import { getDatabase } from "@/db/client";
import { logError } from "@/lib/errors/log-error";
import { chainHealth } from "@/lib/stablecoins/chain-health";
import { describeHandler } from "@/lib/openapi/described-route";
import { otherMethods } from "@/lib/http/route-methods";
import { defaultDialect } from "@/lib/dialects/registry";

export const dynamic = "force-dynamic";

/**
 * 200 once the database is open and migrated; 503 until then or if it cannot open. A chain whose RPC
 * fails or lags makes the answer `degraded` but still 200: the instance serves everything else, and
 * no payment is decided on a read that did not happen.
 */
async function health(): Promise<Response> {
  try {
    const { kind, db } = await getDatabase();
    const chains = await chainHealth(db);
    return Response.json({
      ok: true,
      status: chains.every((chain) => chain.ok) ? "ok" : "degraded",
      database: kind,
      // KASSA_INSTANCE_ID, when set, says which instance answered (behind a balancer, or to a test that started it).
      ...(process.env.KASSA_INSTANCE_ID ? { instance: process.env.KASSA_INSTANCE_ID } : {}),
      ...(chains.length > 0 ? { chains } : {}),
    });
  } catch (error) {
    logError("health check: database unavailable", error);
    return Response.json({ ok: false }, { status: 503 });
  }
}

export const GET = describeHandler(health, { dialect: defaultDialect().name, auth: "public", idempotent: false });
export const { POST, PUT, PATCH, DELETE } = otherMethods(defaultDialect().api, { GET });
