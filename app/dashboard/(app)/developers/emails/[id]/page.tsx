import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { dashboardContext } from "@/app/_server/context";
import { isAppError } from "@/lib/errors/app-error";
import { getEmail } from "@/lib/receipts/list-emails";
import { Card, Details, PageHeader } from "@/components/ui/page";
import { StatusBadge } from "@/components/ui/badge";

export const metadata: Metadata = { title: "Email" };

export default async function EmailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const context = await dashboardContext();
  const email = await getEmail(context.db, context.owner, id).catch((error) => {
    if (isAppError(error)) notFound();
    throw error;
  });
  return (
    <>
      <PageHeader title={email.subject ?? "Receipt"} description={<Link href="/dashboard/developers/emails" className="underline underline-offset-2">All emails</Link>} />
      <div className="space-y-6">
        <Card title="Delivery">
          <Details
            rows={[
              ["To", email.recipient],
              ["Status", <StatusBadge key="status" status={email.status} />],
              ["Payment", <Link key="payment" href={`/dashboard/payments/${email.intentId}`} className="font-mono underline underline-offset-2">{email.intentId}</Link>],
              ["Tries", String(email.attemptCount)],
              ["Last error", email.lastError],
            ]}
          />
        </Card>
        {email.htmlBody && (
          <Card title="As the buyer sees it">
            {/* Sandboxed: the email's HTML can run nothing and reach nothing of the dashboard. */}
            <iframe title="Email preview" sandbox="" srcDoc={email.htmlBody} className="h-[560px] w-full rounded-lg border border-slate-200 bg-white" />
          </Card>
        )}
        {email.textBody && (
          <Card title="Plain text">
            <pre className="whitespace-pre-wrap break-words text-sm text-slate-800">{email.textBody}</pre>
          </Card>
        )}
      </div>
    </>
  );
}
