import { getDatabase } from "@/db/client";
import { logError } from "@/lib/errors/log-error";
import { describeHandler } from "@/lib/openapi/described-route";
import { otherMethods } from "@/lib/http/route-methods";
import { defaultDialect } from "@/lib/dialects/registry";

export const dynamic = "force-dynamic";

/** 200 once the database is open and migrated; 503 until then or if it cannot open. */
async function health(): Promise<Response> {
  try {
    const { kind } = await getDatabase();
    // KASSA_INSTANCE_ID, when set, says which instance answered (behind a balancer, or to a test that started it).
    return Response.json({ ok: true, database: kind, ...(process.env.KASSA_INSTANCE_ID ? { instance: process.env.KASSA_INSTANCE_ID } : {}) });
  } catch (error) {
    logError("health check: database unavailable", error);
    return Response.json({ ok: false }, { status: 503 });
  }
}

export const GET = describeHandler(health, { dialect: defaultDialect().name, auth: "public", idempotent: false });
export const { POST, PUT, PATCH, DELETE } = otherMethods(defaultDialect().api, { GET });
