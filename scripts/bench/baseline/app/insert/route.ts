import { getDb, rows } from "../../lib/db";

export const dynamic = "force-dynamic";

/** Reads a JSON body and inserts one row with drizzle: the floor for Kassa's creates. */
export async function POST(request: Request): Promise<Response> {
  const body = (await request.json()) as { label?: string };
  const [row] = await (await getDb()).insert(rows).values({ label: String(body.label ?? "row"), payload: body }).returning();
  return Response.json(row, { status: 201 });
}
