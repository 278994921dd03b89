export * from "./accounts";
export * from "./payments";
export * from "./events";
export * from "./idempotency";
export * from "./checkouts";
export * from "./subscriptions";
export * from "./rate-limits";
