export const dynamic = "force-dynamic";

/** Answers a constant: the floor for any route of the stack. */
export async function GET(): Promise<Response> {
  return Response.json({ ok: true, object: "constant" });
}
