import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import type { Db } from "@/db/client";

export async function userExists(db: Db, userId: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId)).limit(1);
  return Boolean(row);
}
