import { desc, eq } from "drizzle-orm";
import { emailMessages, type EmailMessage } from "@/db/schema";
import type { Db } from "@/db/client";
import { getOwned } from "@/db/get-owned";

/** The merchant's latest receipts, sent or kept, newest first. */
export async function listEmails(db: Db, merchantId: string, limit = 50): Promise<EmailMessage[]> {
  return db.select().from(emailMessages).where(eq(emailMessages.merchantId, merchantId)).orderBy(desc(emailMessages.createdAt)).limit(limit);
}

/** One of the merchant's emails; another merchant's id is a 404, like an unknown one. */
export async function getEmail(db: Db, merchantId: string, emailId: string): Promise<EmailMessage> {
  return getOwned(db, emailMessages, { merchantId, id: emailId }, "email");
}
