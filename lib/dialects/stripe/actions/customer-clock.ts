import type { DialectObject } from "@/db/schema";
import type { Db } from "@/db/client";
import type { Owner } from "@/db/owner";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { getTestClock } from "@/lib/test-clocks/get-test-clock";
import type { CustomerData } from "../render/catalog";

/**
 * The test clock a customer lives on, for what is made for it. Stripe deletes a clock's customers with
 * the clock; Kassa keeps them, so one whose clock is gone is refused by its own name, not the clock's.
 */
export async function customerClock(db: Db, owner: Owner, customer: DialectObject | null): Promise<string | null> {
  const clockId = (customer?.data as CustomerData | undefined)?.test_clock;
  if (!customer || !clockId) return null;
  try {
    return (await getTestClock(db, owner, clockId)).id;
  } catch (error) {
    if (!isAppError(error) || error.code !== "not_found") throw error;
    throw new AppError("not_found", `No such customer: '${customer.id}' (its test clock ${clockId} was deleted, and the customer with it)`, { param: "customer" });
  }
}
