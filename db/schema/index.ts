export * from "./accounts";
export * from "./payments";
export * from "./events";
export * from "./idempotency";
