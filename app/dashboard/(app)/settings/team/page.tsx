import type { Metadata } from "next";
import { can, dashboardContext } from "@/app/_server/context";
import { listMembers, listPendingInvitations } from "@/lib/accounts/team";
import { InviteForm, MemberControls, RevokeInviteButton } from "@/components/dashboard/settings-forms";
import { Card, PageHeader, ReadOnlyNote } from "@/components/ui/page";
import { settingsTabs, Tabs } from "@/components/ui/tabs";

export const metadata: Metadata = { title: "Team" };

const ROLE_NOTES: Record<string, string> = {
  owner: "everything, including the owner role",
  admin: "everything but owners",
  developer: "API keys, webhooks and payments (refunds too); not settings or the team",
  viewer: "reads everything, changes nothing",
};

export default async function TeamPage() {
  const context = await dashboardContext();
  const manage = can(context, "team:manage");
  const members = await listMembers(context.db, context.merchant.id);
  const invitations = manage ? await listPendingInvitations(context.db, context.merchant.id) : [];
  return (
    <>
      <PageHeader title="Settings" description="Who can see and run this merchant. A merchant always keeps at least one owner." />
      <Tabs label="Settings" tabs={settingsTabs("team")} />
      <div className="space-y-6">
        <Card title="Members">
          <ul className="divide-y divide-slate-100">
            {members.map((member) => (
              <li key={member.userId} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid="team-member">
                <div>
                  <p className="text-sm font-semibold text-slate-900">
                    {member.name} {member.userId === context.user.id && <span className="font-normal text-slate-600">(you)</span>}
                  </p>
                  <p className="text-xs text-slate-600">
                    {member.email} · <strong className="font-semibold">{member.role}</strong>: {ROLE_NOTES[member.role]}
                  </p>
                </div>
                <MemberControls userId={member.userId} role={member.role} name={member.name} isSelf={member.userId === context.user.id} canManage={manage} />
              </li>
            ))}
          </ul>
        </Card>
        {manage ? (
          <Card title="Invite someone">
            <InviteForm />
            {invitations.length > 0 && (
              <div className="mt-6">
                <h3 className="text-sm font-semibold text-slate-900">Waiting to accept</h3>
                <ul className="mt-2 divide-y divide-slate-100">
                  {invitations.map((invitation) => (
                    <li key={invitation.id} className="flex items-center justify-between gap-3 py-2 text-sm">
                      <span>
                        {invitation.email} · {invitation.role} · link works until {invitation.expiresAt.toISOString().slice(0, 10)}
                      </span>
                      <RevokeInviteButton invitationId={invitation.id} email={invitation.email} />
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </Card>
        ) : (
          <ReadOnlyNote>Only owners and admins can invite people or change their roles.</ReadOnlyNote>
        )}
      </div>
    </>
  );
}
