import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { can, dashboardContext } from "@/app/_server/context";
import { isAppError } from "@/lib/errors/app-error";
import { getWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { listDeliveries } from "@/lib/webhooks/list-deliveries";
import { EditEndpointForm, EndpointControls, RedeliverButton, RevealSecret } from "@/components/dashboard/developer-forms";
import { TestFaultsForm } from "@/components/dashboard/test-mode-forms";
import { StatusBadge } from "@/components/ui/badge";
import { Card, Details, EmptyState, PageHeader } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Webhook endpoint" };

type Props = { params: Promise<{ id: string }> };

const when = (date: Date) => date.toISOString().replace("T", " ").slice(0, 19) + " UTC";

export default async function WebhookEndpointPage({ params }: Props) {
  const { id } = await params;
  const context = await dashboardContext();
  const endpoint = await getWebhookEndpoint(context.db, context.owner, decodeURIComponent(id)).catch((error) => {
    if (isAppError(error)) notFound();
    throw error;
  });
  const deliveries = await listDeliveries(context.db, context.owner, { endpointId: endpoint.id });
  const manage = can(context, "webhooks:manage");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/dashboard/developers/webhooks" className={buttonClass.link}>
          ← Webhooks
        </Link>
      </p>
      <PageHeader title={endpoint.description || "Webhook endpoint"} description={<span className="break-all">{endpoint.url}</span>} />
      <div className="space-y-6">
        <Card title="Endpoint">
          <Details
            rows={[
              ["Status", <StatusBadge key="s" status={endpoint.enabled ? "active" : "disabled"} />],
              ["Why it is off", endpoint.disabledReason],
              ["Events", endpoint.events.length === 0 ? "Every event" : endpoint.events.join(", ")],
              ["Test faults", Object.keys(endpoint.testFaults).length > 0 ? Object.keys(endpoint.testFaults).join(", ") : null],
              ["Previous secret", endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > new Date() ? `also signs until ${when(endpoint.previousSecretExpiresAt)}` : null],
              ["Created", when(endpoint.createdAt)],
            ]}
          />
          {manage && (
            <div className="mt-5 space-y-4">
              <RevealSecret endpointId={endpoint.id} />
              <EndpointControls endpointId={endpoint.id} enabled={endpoint.enabled} />
            </div>
          )}
        </Card>
        {manage && (
          <Card title="Edit">
            <EditEndpointForm endpointId={endpoint.id} url={endpoint.url} description={endpoint.description ?? ""} events={endpoint.events} />
          </Card>
        )}
        {manage && endpoint.mode === "test" && (
          <Card title="Test faults">
            <p className="mb-4 text-sm text-slate-700">
              Make this endpoint&apos;s deliveries misbehave on purpose, to see your receiver cope. Each faulted delivery is marked in the log below. Live endpoints never have faults.
            </p>
            <TestFaultsForm endpointId={endpoint.id} faults={endpoint.testFaults} />
          </Card>
        )}
        <Card title="Deliveries">
          {deliveries.length === 0 ? (
            <EmptyState title="Nothing sent yet">Events appear here as they are sent. Send a test event to try your endpoint.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="delivery-log">
              {deliveries.map((delivery) => (
                <li key={delivery.id} className="py-3">
                  <details>
                    <summary className="flex cursor-pointer flex-wrap items-center gap-3 text-sm">
                      <StatusBadge status={delivery.status} />
                      <code className="font-mono text-xs text-slate-900">{delivery.event.type}</code>
                      <span className="text-slate-600">{when(delivery.createdAt)}</span>
                      {delivery.faults.map((fault) => (
                        <span key={fault} className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">
                          fault: {fault.replace("_", " ")}
                        </span>
                      ))}
                      <span className="text-slate-600">
                        {delivery.attemptCount} {delivery.attemptCount === 1 ? "attempt" : "attempts"}
                        {delivery.lastStatusCode ? `, last answer ${delivery.lastStatusCode}` : ""}
                      </span>
                    </summary>
                    <div className="mt-3 space-y-3 pl-2">
                      {delivery.attempts.map((attempt) => (
                        <div key={attempt.number} className="rounded-lg border border-slate-200 p-3 text-xs">
                          <p className="font-semibold text-slate-900">
                            Attempt {attempt.number}: {attempt.fault ? "failed on purpose (test fault)" : (attempt.statusCode ?? "no answer")} in {attempt.durationMs} ms · {when(attempt.createdAt)}
                          </p>
                          {attempt.error && <p className="mt-1 text-red-800">{attempt.error}</p>}
                          <p className="mt-2 font-medium text-slate-700">Request body</p>
                          <pre className="mt-1 max-h-48 overflow-auto rounded bg-slate-50 p-2 text-slate-800">{attempt.requestBody}</pre>
                          <p className="mt-2 font-medium text-slate-700">Response (first kilobyte)</p>
                          <pre className="mt-1 max-h-32 overflow-auto rounded bg-slate-50 p-2 text-slate-800">{attempt.responseExcerpt || "(empty)"}</pre>
                        </div>
                      ))}
                      {manage && <RedeliverButton endpointId={endpoint.id} eventId={delivery.event.id} />}
                    </div>
                  </details>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
