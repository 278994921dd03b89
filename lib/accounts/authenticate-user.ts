import { eq } from "drizzle-orm";
import { users, type User } from "@/db/schema";
import type { Db } from "@/db/client";
import { decoyPasswordHash, verifyPassword } from "@/lib/crypto/password";
import { AppError } from "@/lib/errors/app-error";

/** Checks an email and password; the error never says which of the two was wrong. */
export async function authenticateUser(db: Db, email: string, password: string): Promise<User> {
  const [user] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  // Hash against a decoy when the email is unknown, so the response time does not tell.
  const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
  if (!user || !valid) throw new AppError("invalid_credentials", "Invalid email or password.");
  return user;
}
