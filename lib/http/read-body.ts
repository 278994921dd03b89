import { AppError } from "@/lib/errors/app-error";

/**
 * The request body as text, refusing it with a 413 as soon as it passes `maxBytes`, whether or not
 * it said its length up front: nothing larger is ever buffered.
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const tooLarge = () => new AppError("request_too_large", `The request body is larger than ${formatBytes(maxBytes)}.`);
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await discardRest(reader);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** How much more of a refused body is read, and for how long, so that its client can read the 413. */
const DISCARD_BYTES = 32 * 1024 * 1024;
const DISCARD_MS = 5_000;

/**
 * Reads and drops the rest of a body that is too large, for a bounded while, before the 413 goes
 * out. Answering while the client still sends (a chunked body says no length up front) closes the
 * connection under unread data, and the client gets a TCP reset instead of the answer. A body past
 * the bound is cut off: then the reset is the answer.
 */
async function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  const deadline = Date.now() + DISCARD_MS;
  let discarded = 0;
  while (discarded <= DISCARD_BYTES) {
    const left = deadline - Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const next = left > 0 ? await Promise.race([reader.read(), new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), left)))]) : null;
    clearTimeout(timer);
    if (!next) break;
    if (next.done) return;
    discarded += next.value.byteLength;
  }
  await reader.cancel().catch(() => undefined);
}

function formatBytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${bytes / 1_000_000} MB` : `${bytes / 1000} KB`;
}
