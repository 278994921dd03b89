import { and, desc, eq } from "drizzle-orm";
import { emailMessages, type EmailMessage } from "@/db/schema";
import type { Db } from "@/db/client";
import { notFound } from "@/lib/errors/app-error";

/** The merchant's latest receipts, sent or kept, newest first. */
export async function listEmails(db: Db, merchantId: string, limit = 50): Promise<EmailMessage[]> {
  return db.select().from(emailMessages).where(eq(emailMessages.merchantId, merchantId)).orderBy(desc(emailMessages.createdAt)).limit(limit);
}

/** One of the merchant's emails; another merchant's id is a 404, like an unknown one. */
export async function getEmail(db: Db, merchantId: string, emailId: string): Promise<EmailMessage> {
  const [email] = await db
    .select()
    .from(emailMessages)
    .where(and(eq(emailMessages.id, emailId), eq(emailMessages.merchantId, merchantId)));
  if (!email) throw notFound("email", emailId, "id");
  return email;
}
