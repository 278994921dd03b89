import { randomUUID } from "node:crypto";
import type { DialectDefinition } from "../definition";
import { mintroDialect } from "./dialect";
import { mintroWebhook } from "./webhook";

export const mintro: DialectDefinition = {
  name: "mintro",
  api: mintroDialect,
  pathPrefixes: ["/api/platform"],
  // Seed 001's ids are pi_ and a UUID.
  newIntentId: () => `pi_${randomUUID()}`,
  webhook: { render: mintroWebhook },
};
