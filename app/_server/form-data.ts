import { notFound } from "next/navigation";

/**
 * The FormData a form's server action was called with. Anything else is a hand-made call (a POST
 * with a Next-Action header and some other body): refused as a 404, never a 500 from reading it.
 */
export function formDataOf(value: unknown): FormData {
  if (value instanceof FormData) return value;
  notFound();
}
