import { expect } from "@playwright/test";

export type ReceivedMail = { from: string; to: string[]; subject: string; text: string; html: string; messageId: string };

/** Everything the run's SMTP server has received so far (e2e/support/smtp-sink-server.mjs). */
export async function receivedMail(): Promise<ReceivedMail[]> {
  const response = await fetch(`http://127.0.0.1:${process.env.E2E_MAIL_API_PORT}/messages`);
  return ((await response.json()) as ReceivedMail[]).map((mail) => ({ ...mail, text: mail.text.replace(/[\u00a0\u202f]/g, " ") }));
}

/** Waits for the worker to send `count` emails to `address`, and returns them. */
export async function mailFor(address: string, count = 1): Promise<ReceivedMail[]> {
  await expect.poll(async () => (await receivedMail()).filter((mail) => mail.to.includes(address)).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(count);
  return (await receivedMail()).filter((mail) => mail.to.includes(address));
}
