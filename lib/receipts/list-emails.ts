import { desc, eq } from "drizzle-orm";
import { emailMessages, type EmailMessage } from "@/db/schema";
import type { Db } from "@/db/client";
import { getOwned } from "@/db/get-owned";
import { ownedBy, type Owner } from "@/db/owner";

/** The merchant's latest receipts, sent or kept, newest first. */
export async function listEmails(db: Db, owner: Owner, limit = 50): Promise<EmailMessage[]> {
  return db.select().from(emailMessages).where(ownedBy(emailMessages, owner)).orderBy(desc(emailMessages.createdAt)).limit(limit);
}

/** One of the merchant's emails; another merchant's id is a 404, like an unknown one. */
export async function getEmail(db: Db, owner: Owner, emailId: string): Promise<EmailMessage> {
  return getOwned(db, emailMessages, owner, emailId, "email");
}
