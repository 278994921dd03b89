import { dashboardContext } from "@/app/_server/context";
import { parsePaymentFilters } from "@/lib/dashboard/payment-filters";
import { paymentsCsv } from "@/lib/dashboard/payments-csv";

/** The payments list as CSV, for the filters in the query string, streamed a page at a time. */
export async function GET(request: Request): Promise<Response> {
  const { db, owner } = await dashboardContext();
  const filters = parsePaymentFilters(Object.fromEntries(new URL(request.url).searchParams));
  const lines = paymentsCsv(db, owner, filters);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="kassa-payments-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
}
