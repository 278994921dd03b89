import { sql } from "drizzle-orm";
import { webhookEndpoints } from "@/db/schema";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";

/** How many of the merchant's enabled endpoints will receive a webhook of each type in this dialect, as it is recorded. */
export async function endpointsSubscribedTo(db: Db, merchantId: string, dialect: string, types: string[]): Promise<Map<string, number>> {
  if (types.length === 0) return new Map();
  const rows = await queryRows<{ type: string; endpoints: number }>(
    db,
    sql`select wanted.type, count(endpoint.id)::int as endpoints
        from jsonb_array_elements_text(${JSON.stringify(types)}::jsonb) as wanted(type)
        left join ${webhookEndpoints} endpoint
          on endpoint.merchant_id = ${merchantId} and endpoint.enabled and endpoint.deleted_at is null
         and (jsonb_array_length(endpoint.events) = 0 or endpoint.events ? wanted.type)
         and (endpoint.dialect is null or endpoint.dialect = ${dialect})
        group by wanted.type`,
  );
  return new Map(rows.map((row) => [row.type, row.endpoints]));
}
