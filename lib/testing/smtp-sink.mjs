// A real SMTP server on a loopback port, for tests: it accepts every message (or refuses them with
// a 451 while `state.refuse` is set), parses it with mailparser and keeps it. Kassa talks to it
// over KASSA_SMTP_URL exactly as it would to a mail provider. Plain JavaScript, so that both Vitest
// and the Playwright run's sink process (e2e/support/smtp-sink-server.mjs) can load it.
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export async function startSmtpSink(port = 0) {
  const received = [];
  const state = { refuse: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (state.refuse) return callback(Object.assign(new Error("Mailbox unavailable, try later"), { responseCode: 451 }));
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({
            from: mail.from?.text ?? "",
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
            messageId: mail.messageId ?? "",
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: bound } = server.server.address();
  return {
    url: `smtp://127.0.0.1:${bound}`,
    port: bound,
    received,
    state,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
