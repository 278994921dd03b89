import os from "node:os";
import { databaseConfig } from "@/db/config";

/**
 * Who this instance is, for the leases it takes: the same name after a restart, and no other running
 * instance's. KASSA_INSTANCE_ID when the operator gives one (a StatefulSet's pod name); on the
 * embedded database its data folder, which only one process can hold; otherwise the host and port,
 * which a running process holds while it lives.
 */
export function instanceId(): string {
  if (process.env.KASSA_INSTANCE_ID) return process.env.KASSA_INSTANCE_ID.slice(0, 200);
  const config = databaseConfig();
  if (config.kind === "embedded") return `embedded:${config.dataDir}`.slice(0, 200);
  return `${os.hostname()}:${process.env.PORT ?? "3000"}`.slice(0, 200);
}
