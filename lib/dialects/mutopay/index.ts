import type { DialectDefinition } from "../definition";
import { newId } from "@/lib/ids";
import { mutopayDialect } from "./dialect";
import { mutopayWebhook } from "./webhook";
import { mutopayReference } from "./reference";
import { mutopaySnippet } from "./snippet";

export const mutopay: DialectDefinition = {
  name: "mutopay",
  api: mutopayDialect,
  pathPrefixes: ["/api/payments", "/api/connect", "/api/merchant"],
  newIntentId: () => newId("pay"),
  leadsWithStablecoin: true,
  webhook: mutopayWebhook,
  reference: mutopayReference,
  snippet: mutopaySnippet,
};
