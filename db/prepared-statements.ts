import type { Sql } from "postgres";

type Unsafe = Sql["unsafe"];

/**
 * postgres.js prepares every statement by default, but drizzle asks it not to for any query it was
 * not given a name for (a precaution for transaction-mode poolers such as pgbouncer). Kassa talks to
 * PostgreSQL itself, and a statement parsed and planned once costs PostgreSQL a third of the CPU of
 * one parsed every time (measured: about 3,000 against 10,600 of Kassa's read query per second), so
 * this turns preparing back on for every query with parameters, in transactions and savepoints too.
 */
export function preparingStatements<T extends Sql>(client: T): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property === "unsafe") {
        const unsafe: Unsafe = (query, args, options) =>
          target.unsafe(query, args, args && args.length > 0 ? { ...options, prepare: true } : options);
        return unsafe;
      }
      if (property === "begin" || property === "savepoint") {
        return (...parts: unknown[]) => {
          const work = parts.pop() as (inner: Sql) => unknown;
          return (value as (...args: unknown[]) => unknown).call(target, ...parts, (inner: Sql) => work(preparingStatements(inner)));
        };
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
