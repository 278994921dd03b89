import { eq } from "drizzle-orm";
import { getDb, rows } from "../../../lib/db";

export const dynamic = "force-dynamic";

/** Reads one row by id with drizzle and answers it: the fair floor for Kassa's read of one intent. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const [row] = await (await getDb()).select().from(rows).where(eq(rows.id, Number(id)));
  return row ? Response.json(row) : Response.json({ error: "not found" }, { status: 404 });
}
