import { Worker } from "node:worker_threads";
import type { ScryptOptions } from "node:crypto";

/**
 * Password hashes computed on threads of their own, each at the lowest CPU priority (nice 19; on
 * Linux a thread's nice value is its own), so that a flood of sign-ins gets only the CPU that the
 * payment API, the database and everything else leave over: the API's tail latency stays where it
 * was. The thread runs scryptSync, so no hash takes a slot of libuv's shared pool either. The code is
 * given inline, so the bundler has no worker file to find.
 */
const SOURCE = `
const { parentPort } = require("node:worker_threads");
const { scryptSync } = require("node:crypto");
try { require("node:os").setPriority(0, 19); } catch {}
parentPort.on("message", ({ id, password, salt, keyLength, options }) => {
  try {
    const key = scryptSync(password, Buffer.from(salt), keyLength, options);
    parentPort.postMessage({ id, key });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message || error) });
  }
});`;

type Pending = { resolve: (key: Buffer) => void; reject: (error: Error) => void };
type Pool = { threads: Worker[]; next: number; pending: Map<number, Pending>; id: number };

const holder = globalThis as typeof globalThis & { __kassaScryptPool?: Pool };

function pool(size: number): Pool {
  if (holder.__kassaScryptPool) return holder.__kassaScryptPool;
  const made: Pool = { threads: [], next: 0, pending: new Map(), id: 0 };
  for (let index = 0; index < size; index++) {
    const thread = new Worker(SOURCE, { eval: true });
    // Idle threads must not keep the process alive.
    thread.unref();
    thread.on("message", ({ id, key, error }: { id: number; key?: Uint8Array; error?: string }) => {
      const waiting = made.pending.get(id);
      made.pending.delete(id);
      if (error || !key) waiting?.reject(new Error(error ?? "scrypt gave no key"));
      else waiting?.resolve(Buffer.from(key));
    });
    thread.on("error", (error) => {
      for (const waiting of made.pending.values()) waiting.reject(error);
      made.pending.clear();
      holder.__kassaScryptPool = undefined;
    });
    made.threads.push(thread);
  }
  holder.__kassaScryptPool = made;
  return made;
}

/** scrypt on one of `size` low-priority threads (callers already limit how many run at once). */
export function scryptOnLowPriorityThread(password: string, salt: Buffer, keyLength: number, options: ScryptOptions, size: number): Promise<Buffer> {
  const threads = pool(size);
  const id = ++threads.id;
  const thread = threads.threads[threads.next++ % threads.threads.length]!;
  return new Promise((resolve, reject) => {
    threads.pending.set(id, { resolve, reject });
    thread.postMessage({ id, password, salt: new Uint8Array(salt), keyLength, options });
  });
}
