import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { requireUser } from "@/app/_server/context";
import { listMerchantsForUser } from "@/lib/accounts/list-merchants";
import { connectRequest } from "@/lib/accounts/connect-request";
import { withQueryParam } from "@/lib/accounts/connect-site";
import { roleAllows } from "@/lib/accounts/roles";
import { ConnectSiteForm } from "@/components/dashboard/connect-site-form";
import { buttonClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Connect a shop" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const single = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

/**
 * Where a shop's "Connect" button sends the merchant (MutoPay's WooCommerce plugin does): who asks,
 * what Kassa will make for it, and where the browser goes next, with Connect and a way to refuse.
 */
export default async function ConnectPage({ searchParams }: Props) {
  const query = await searchParams;
  const here = `/dashboard/connect?${new URLSearchParams(Object.entries(query).flatMap(([name, value]) => (typeof value === "string" ? [[name, value]] : []))).toString()}`;
  const user = await requireUser(here);
  const memberships = await listMerchantsForUser(await getDb(), user.id);
  // A new account makes its merchant first, then comes back to this very request.
  if (memberships.length === 0) redirect(`/dashboard/welcome?next=${encodeURIComponent(here)}`);

  const input = { return_url: single(query.return_url), webhook_url: single(query.webhook_url), site_name: single(query.site_name), platform: single(query.platform) };
  const parsed = connectRequest.safeParse(input);
  if (!parsed.success) {
    const problem = parsed.error.issues[0]!;
    return (
      <ConnectFrame title="This connection request is not valid">
        <p role="alert" className="text-sm text-slate-700">
          <code className="font-mono">{String(problem.path[0] ?? "request")}</code> {problem.message}. Start again from your shop&apos;s settings, or ask its developer.
        </p>
        <a href="/dashboard" className={`${buttonClass.secondary} mt-6`}>Go to the dashboard</a>
      </ConnectFrame>
    );
  }
  const request = parsed.data;
  const eligible = memberships.filter(({ merchant, role }) => roleAllows(role, "sites:connect") && merchant.status === "active");
  const returnHost = new URL(request.return_url).host;
  const webhookHost = new URL(request.webhook_url).host;
  const refuse = withQueryParam(request.return_url, "error", "access_denied");

  return (
    <ConnectFrame title={`Connect ${request.site_name} to Kassa`}>
      <p className="text-sm text-slate-700">
        <strong className="font-semibold text-slate-900">{request.site_name}</strong>
        {request.platform ? ` (${request.platform})` : ""} asks to take payments with your Kassa account.
      </p>
      <dl className="mt-4 space-y-3 text-sm">
        <div>
          <dt className="font-medium text-slate-600">Kassa will create</dt>
          <dd className="text-slate-900">An API key labelled “{request.site_name}”, and a webhook endpoint that hears about the payments this key creates.</dd>
        </div>
        <div>
          <dt className="font-medium text-slate-600">Webhook URL</dt>
          <dd className="break-all font-mono text-xs text-slate-900">{request.webhook_url}</dd>
        </div>
        <div>
          <dt className="font-medium text-slate-600">Afterwards you go back to</dt>
          <dd className="break-all text-slate-900">{returnHost}</dd>
        </div>
      </dl>
      {returnHost !== webhookHost && (
        <p role="note" className="mt-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
          The shop you return to ({returnHost}) is not the one that receives the webhooks ({webhookHost}). Connect only if you expected that.
        </p>
      )}
      {eligible.length === 0 ? (
        <p role="alert" className="mt-6 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
          Your role cannot connect shops, or your merchant is suspended. Ask an owner, admin or developer of your merchant.
        </p>
      ) : (
        <ConnectSiteForm
          request={request}
          merchants={eligible.map(({ merchant }) => ({ value: merchant.id, label: merchant.displayName || merchant.name }))}
          refuseHref={refuse}
        />
      )}
      <p className="mt-6 text-xs text-slate-600">
        Signed in as {user.email}. You can disconnect the shop at any time under Developers → Connected sites.
      </p>
    </ConnectFrame>
  );
}

function ConnectFrame({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-50 px-4 py-12">
      <div className="w-full max-w-lg">
        <p className="text-center text-sm font-bold uppercase tracking-wide text-indigo-700">Kassa</p>
        <h1 className="mt-2 text-center text-2xl font-semibold text-slate-900">{title}</h1>
        <div className="mt-8 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">{children}</div>
      </div>
    </main>
  );
}
