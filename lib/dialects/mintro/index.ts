import { randomUUID } from "node:crypto";
import type { DialectDefinition } from "../definition";
import { mintroDialect } from "./dialect";
import { mintroWebhook } from "./webhook";
import { mintroReference } from "./reference";
import { mintroSnippet } from "./snippet";

export const mintro: DialectDefinition = {
  name: "mintro",
  api: mintroDialect,
  pathPrefixes: ["/api/platform"],
  // Seed 001's ids are pi_ and a UUID.
  newIntentId: () => `pi_${randomUUID()}`,
  webhook: { render: mintroWebhook },
  reference: mintroReference,
  snippet: mintroSnippet,
  // Seed 001: reference_id is the merchant's order number, one intent each, and looked up by it.
  uniqueReferences: true,
};
