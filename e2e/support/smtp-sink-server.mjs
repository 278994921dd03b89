// The mail provider of the Playwright run: an SMTP server Kassa sends receipts to
// (KASSA_SMTP_URL), and a small HTTP API the tests read them from (GET /messages).
import http from "node:http";
import { startSmtpSink } from "../../lib/testing/smtp-sink.mjs";

const sink = await startSmtpSink(Number(process.env.SMTP_PORT));
const api = http.createServer((request, response) => {
  response.setHeader("content-type", "application/json");
  if (request.url === "/health") return response.end('{"ok":true}');
  if (request.url === "/messages") return response.end(JSON.stringify(sink.received));
  response.statusCode = 404;
  response.end('{"error":"not found"}');
});
api.listen(Number(process.env.HTTP_PORT), "127.0.0.1");
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => void sink.close().finally(() => process.exit(0)));
