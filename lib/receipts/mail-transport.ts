import nodemailer, { type Transporter } from "nodemailer";
import { publicUrl } from "@/lib/config/env";

/** What sending one email needs: the SMTP transport, or none (the dashboard's mailbox keeps it). */
export type MailTransport = { send(message: OutgoingMail): Promise<void> };

export type OutgoingMail = { id: string; fromName: string; to: string; subject: string; text: string; html: string };

/**
 * Well inside the outbox's 180-second lease (send-due-emails.ts), so a hung server costs one try,
 * never a second sender.
 */
const SMTP_TIME_LIMITS = { connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 };

const holder = globalThis as typeof globalThis & { __kassaMail?: { url: string; transporter: Transporter } };

/**
 * SMTP from KASSA_SMTP_URL (smtp://user:pass@host:587, smtps://… for implicit TLS), through
 * nodemailer; null when it is not set, as in the quick start. One transporter per process.
 */
export function mailTransport(): MailTransport | null {
  const url = process.env.KASSA_SMTP_URL;
  if (!url) return null;
  if (holder.__kassaMail?.url !== url) holder.__kassaMail = { url, transporter: nodemailer.createTransport({ url, ...SMTP_TIME_LIMITS }) };
  const { transporter } = holder.__kassaMail;
  return {
    async send(message) {
      await transporter.sendMail({
        from: { name: message.fromName, address: fromAddress() },
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        // The same Message-ID on every try: a retry after a lost answer is recognisably the same email.
        messageId: `<${message.id}@${new URL(publicUrl()).hostname || "kassa"}>`,
      });
    },
  };
}

/** KASSA_MAIL_FROM, or receipts@ this instance's host. */
function fromAddress(): string {
  return process.env.KASSA_MAIL_FROM || `receipts@${new URL(publicUrl()).hostname || "localhost"}`;
}
