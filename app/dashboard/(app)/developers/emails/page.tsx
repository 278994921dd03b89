import type { Metadata } from "next";
import Link from "next/link";
import { dashboardContext } from "@/app/_server/context";
import { listEmails } from "@/lib/receipts/list-emails";
import { Card, EmptyState, PageHeader } from "@/components/ui/page";
import { StatusBadge } from "@/components/ui/badge";
import { developerTabs, Tabs } from "@/components/ui/tabs";

export const metadata: Metadata = { title: "Emails" };

const when = (date: Date) => date.toISOString().replace("T", " ").slice(0, 16) + " UTC";

export default async function EmailsPage() {
  const context = await dashboardContext();
  const emails = await listEmails(context.db, context.owner);
  const smtp = Boolean(process.env.KASSA_SMTP_URL);
  return (
    <>
      <PageHeader title="Developers" description="Keys for your server, webhooks for your server to hear back, and code to start from." />
      <Tabs label="Developers" tabs={developerTabs("emails")} />
      <p className="mb-4 text-sm text-slate-700">
        {smtp
          ? "Receipts go to buyers through the SMTP server this Kassa is configured with. Each one is listed here too."
          : "No SMTP server is configured (KASSA_SMTP_URL), so receipts are not sent: they are kept here, as the buyer would have received them."}
      </p>
      {emails.length === 0 ? (
        <EmptyState title="No receipts yet">
          When a payment with a customer email succeeds or is refunded, the buyer&apos;s receipt appears here. Receipts can be turned off in Settings.
        </EmptyState>
      ) : (
        <Card title="Receipts">
          <ul className="divide-y divide-slate-100">
            {emails.map((email) => (
              <li key={email.id} data-testid="email" className="flex flex-wrap items-center justify-between gap-3 py-3 first:pt-0 last:pb-0">
                <div className="min-w-0 text-sm">
                  <Link href={`/dashboard/developers/emails/${email.id}`} className="font-semibold text-slate-900 underline-offset-2 hover:underline">
                    {email.subject ?? (email.kind === "refund" ? "Refund receipt (being written)" : "Receipt (being written)")}
                  </Link>
                  <p className="break-all text-xs text-slate-600">
                    To {email.recipient} · {when(email.createdAt)}
                  </p>
                </div>
                <StatusBadge status={email.status} />
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
