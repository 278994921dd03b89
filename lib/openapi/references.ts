import { registeredDialects } from "@/lib/dialects/registry";
import type { ReferenceDefinition } from "./build-document";

/** One API reference per dialect that has one, served at /api/openapi/{dialect}.json and shown at /docs. */
export const API_REFERENCES: readonly ReferenceDefinition[] = registeredDialects().flatMap((definition) => (definition.reference ? [definition.reference] : []));
