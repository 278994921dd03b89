import pino, { type Logger } from "pino";

/**
 * Kassa's log: one JSON object a line on stdout, as scripts/start.mjs writes its request lines.
 * KASSA_LOG_LEVEL sets how much (trace, debug, info, warn, error; info unless set). Callers pass
 * ids and codes, never bodies; the redaction below is a second line of defence for names that must
 * never be logged with a value, should one be passed by mistake.
 */
const REDACTED = ["authorization", "secret", "secret_key", "client_secret", "password", "card", "card.number", "number", "cvc", "pan", "*.authorization", "*.client_secret", "*.secret", "*.password", "*.cvc", "*.pan", "*.number"];

const holder = globalThis as typeof globalThis & { __kassaLogger?: Logger };

export function logger(): Logger {
  holder.__kassaLogger ??= pino({
    level: process.env.KASSA_LOG_LEVEL || "info",
    base: { service: "kassa" },
    timestamp: pino.stdTimeFunctions.isoTime,
    messageKey: "msg",
    redact: { paths: REDACTED, censor: "[redacted]" },
  });
  return holder.__kassaLogger;
}
