import type { DialectDefinition } from "../definition";
import { randomBase62 } from "@/lib/crypto/tokens";
import { newId } from "@/lib/ids";
import { gatewayDialect } from "./dialect";
import { gatewayWebhook } from "./webhook";
import { gatewayReference } from "./reference";

/** Seed 002's running service, as its own merchant server, checkout front end and demo shop call it. */
export const gateway: DialectDefinition = {
  name: "gateway",
  api: gatewayDialect,
  pathPrefixes: ["/api/public"],
  newIntentId: () => newId("pi"),
  // Its checkout front end refuses a secret that does not start with pi_secret_.
  newClientSecret: () => `pi_secret_${randomBase62(24)}`,
  // Its demo shop reads the id back from payment-intents_id (what its own checkout adds).
  returnParams: (intentId) => ({ "payment-intents_id": intentId }),
  publicReadById: true,
  webhook: gatewayWebhook,
  reference: gatewayReference,
};
