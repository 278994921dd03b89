import { z } from "zod";
import type { Db } from "@/db/client";
import { dialectDefinition } from "@/lib/dialects/registry";
import { AppError } from "@/lib/errors/app-error";
import { STANDARD_WEBHOOK_EVENTS } from "@/lib/events/event-types";
import type { AuthKind } from "@/lib/http/principal";
import { routeDescriptions, type RouteDescription } from "./described-route";
import type { IntentDetails } from "@/lib/intents/intent-details";
import { sampleIntent, sampleRefund } from "./samples";

type Json = Record<string, unknown>;

/** What a dialect's reference says beyond its schemas: words, the success status, an example answer. */
export type OperationNote = { summary: string; status?: number; description?: string; example?: () => unknown; requestExample?: Record<string, unknown> };

export type ReferenceDefinition = {
  /** The dialect whose routes it documents; also the document's name (/api/openapi/{name}.json). */
  dialect: Parameters<typeof dialectDefinition>[0];
  title: string;
  description: string;
  /** How each kind of credential travels in this dialect. */
  security: Partial<Record<Exclude<AuthKind, "public">, { name: string; scheme: Json }>>;
  /** How request bodies are encoded; JSON unless the dialect takes forms. */
  bodyMediaType?: "application/json" | "application/x-www-form-urlencoded";
  /** Headers a call sends beside the key itself (mintro's client id), shown in the first call at /docs. */
  companionHeaders?: string[];
  /** The payment its webhook examples are drawn from, when the dialect needs more than sampleIntent's (a session, a charge). */
  sampleIntent?: () => IntentDetails;
  /** Keyed "METHOD /path/{param}". */
  operations: Record<string, OperationNote>;
};

/** A route file of the app, by the path it answers. */
export type RouteModule = { path: string; module: Record<string, unknown> };

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/**
 * One dialect's OpenAPI 3.1 document: every route that declares that dialect, with its parameters
 * and body as JSON Schema generated from the zod schemas that validate them, its auth, its success
 * answer, and every error as that dialect's own envelope renders it; plus its webhooks.
 */
export async function buildDocument(db: Db, reference: ReferenceDefinition, routes: RouteModule[]): Promise<Json> {
  const paths: Record<string, Json> = {};
  for (const route of routes) {
    for (const method of METHODS) {
      for (const description of routeDescriptions(route.module[method])) {
        if (description.dialect !== reference.dialect) continue;
        const key = `${method} ${route.path}`;
        (paths[route.path] ??= {})[method.toLowerCase()] = operation(reference, key, description);
      }
    }
  }
  const securitySchemes = Object.fromEntries(Object.values(reference.security).map((entry) => [entry.name, entry.scheme]));
  return {
    openapi: "3.1.0",
    info: { title: reference.title, version: "1.0.0", description: reference.description },
    servers: [{ url: "/", description: "This Kassa server: every path is written in full from its root." }],
    paths,
    webhooks: await webhooks(db, reference),
    components: { securitySchemes },
  };
}

function operation(reference: ReferenceDefinition, key: string, description: RouteDescription): Json {
  const note = reference.operations[key];
  const api = dialectDefinition(reference.dialect).api;
  const parameters = [...parametersOf(description.params, "path"), ...parametersOf(description.query, "query")];
  if (description.idempotent && key.startsWith("POST ") && description.auth !== "public") {
    parameters.push({
      name: "Idempotency-Key",
      in: "header",
      required: false,
      description: "Retries with the same key within 24 hours get the first answer, with Idempotent-Replayed: true.",
      schema: { type: "string", maxLength: 255 },
    });
  }
  const status = String(note?.status ?? 200);
  const errors: Record<string, Json> = {};
  const addError = (error: AppError, why: string) => {
    const rendered = api.renderError(error);
    errors[String(rendered.status)] ??= { description: why, content: { "application/json": { schema: schemaOf(rendered.body), example: rendered.body } } };
  };
  addError(new AppError("parameter_invalid", "amount: must be at least 1", { param: "amount" }), "The request is malformed or a field is invalid; nothing was written.");
  if (description.auth !== "public") addError(new AppError("unauthenticated", "Invalid API key provided."), "No credential, or one that is not valid.");
  if (description.auth === "public") addError(new AppError("client_secret_invalid", "The client secret does not match this payment."), "The client secret does not match.");
  if (description.params) addError(new AppError("not_found", "No such object: 'id_123'"), "No such object for this merchant.");
  if (key.startsWith("POST ")) addError(new AppError("intent_unexpected_state", "The object's state does not allow this."), "The object is in a state that does not allow this.");
  addError(new AppError("request_too_large", "The body is larger than 1 MB."), "The body is too large.");
  addError(new AppError("rate_limited", "Too many requests.", { retryAfter: 1 }), "Too many requests; retry after Retry-After seconds.");
  addError(new AppError("internal_error", "Something went wrong on our end."), "A fault on Kassa's side; logged, never described.");
  const example = note?.example?.();
  const success: Json = {
    description: note?.description ?? "Success.",
    content: { "application/json": example === undefined ? { schema: { type: "object" } } : { schema: schemaOf(example), example } },
  };
  return {
    operationId: `${reference.dialect}_${key.replace(/[^A-Za-z0-9]+/g, "_").replace(/_+$/, "")}`,
    summary: note?.summary ?? key,
    tags: [tagOf(key.split(" ")[1]!)],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(description.body
      ? { requestBody: { required: true, content: { [reference.bodyMediaType ?? "application/json"]: { schema: jsonSchema(description.body), ...(note?.requestExample ? { example: note.requestExample } : {}) } } } }
      : {}),
    responses: { [status]: success, ...errors },
    security: securityOf(reference, description.auth),
  };
}

/** Operations grouped by the resource they act on: /api/v1/payment-intents/{id}/refunds is under payment-intents. */
function tagOf(path: string): string {
  const segments = path.split("/").filter((segment) => segment && !segment.startsWith("{"));
  const resource = segments.find((segment) => !["api", "v1", "platform", "public"].includes(segment));
  return resource ?? "api";
}

function securityOf(reference: ReferenceDefinition, auth: AuthKind): Json[] {
  if (auth === "public") return [];
  const kind = auth === "secret_key_any_status" ? "secret_key" : auth;
  const entry = reference.security[kind];
  return entry ? [{ [entry.name]: [] }] : [];
}

/** Request JSON Schema from zod, as it is given (before any transform). */
export function jsonSchema(schema: z.ZodType): Json {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as Json;
  return rest;
}

function parametersOf(schema: z.ZodType | undefined, where: "path" | "query"): Json[] {
  if (!schema) return [];
  const object = jsonSchema(schema) as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === "path" || (object.required ?? []).includes(name),
    schema: property,
  }));
}

/** The shape of a real answer: every field typed as the example has it (a null may be anything). */
export function schemaOf(value: unknown): Json {
  if (value === null) return {};
  if (Array.isArray(value)) return { type: "array", items: value.length > 0 ? schemaOf(value[0]) : {} };
  if (typeof value === "object") {
    const properties = Object.fromEntries(Object.entries(value as Json).map(([name, field]) => [name, schemaOf(field)]));
    return { type: "object", properties, required: Object.keys(properties) };
  }
  if (typeof value === "number") return { type: Number.isInteger(value) ? "integer" : "number" };
  return { type: typeof value };
}

/** The dialect's webhooks, each event's body drawn by the dialect's own renderer from a sample payment. */
async function webhooks(db: Db, reference: ReferenceDefinition): Promise<Json> {
  const definition = dialectDefinition(reference.dialect);
  const events = (definition.webhook.events ?? STANDARD_WEBHOOK_EVENTS).filter((type) => type.startsWith("payment."));
  const intent = reference.sampleIntent?.() ?? sampleIntent(reference.dialect);
  const signature = definition.webhook.signatureHeaders?.("{}", "whsec_example", new Date()) ?? {};
  const headers = [
    ...["webhook-id", "webhook-timestamp", "webhook-signature", ...Object.keys(signature)].map((name) => ({ name, in: "header", required: true, schema: { type: "string" } })),
    {
      name: "webhook-sequence",
      in: "header",
      required: true,
      description: "The object's own event number (1, 2, 3 …, gapless per intent or subscription): keep the highest seen and drop anything not above it.",
      schema: { type: "string" },
    },
  ];
  const result: Json = {};
  for (const type of events) {
    const status = type === "payment.succeeded" || type === "payment.refunded" ? "succeeded" : type.slice("payment.".length);
    const subject = {
      id: "evt_1NgZyGLkdIwHu7ixsYWxXQ2F",
      createdAt: new Date("2026-01-15T10:30:05Z"),
      merchantId: intent.merchantId,
      type,
      actor: { type: "buyer" } as const,
      intent: { ...intent, status: status as typeof intent.status },
      details: type === "payment.failed" ? { message: "Your card has insufficient funds." } : {},
      ...(type === "payment.refunded" ? { refund: sampleRefund(intent) } : {}),
    };
    // A dialect that sends several webhooks for one change documents each under its own name.
    const messages = definition.webhook.renderMessages
      ? await definition.webhook.renderMessages(db, subject)
      : [{ type, body: { ...(await definition.webhook.render(db, subject)), ...(definition.webhook.sequenceInBody === false ? {} : { sequence: 2 }) } }];
    for (const message of messages) {
      result[message.type] ??= {
        post: {
          summary: `${message.type}, as this dialect's integrations receive it`,
          description:
            "Signed per Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature) with the endpoint's secret" +
            (Object.keys(signature).length > 0 ? `, and with ${Object.keys(signature).join(" and ")} as this dialect's own integrations verify.` : "."),
          parameters: headers,
          requestBody: { content: { "application/json": { schema: schemaOf(message.body), example: message.body } } },
          responses: { "200": { description: "Any 2xx acknowledges the delivery; anything else is retried with backoff for about three days." } },
        },
      };
    }
  }
  return result;
}
