"use client";

import { useState } from "react";
import {
  changeRoleAction,
  createCheckoutAction,
  inviteAction,
  removeMemberAction,
  revokeInviteAction,
  saveSettings,
} from "@/app/dashboard/(app)/settings/actions";
import { ActionForm, Field } from "@/components/ui/action-form";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { CopyButton } from "@/components/ui/copy-button";

export type SettingsValues = {
  name: string;
  displayName: string;
  brandColor: string;
  logoUrl: string;
  allowedOrigins: string;
  minimumAmounts: string;
  receiptsEnabled: boolean;
};

export function SettingsForm({ values, canEdit }: { values: SettingsValues; canEdit: boolean }) {
  return (
    <ActionForm action={saveSettings} submitLabel="Save settings" readOnly={canEdit ? undefined : "Only owners and admins can change these settings."}>
      <fieldset disabled={!canEdit} className="space-y-4">
        <Field name="name" label="Business name" defaultValue={values.name} required />
        <Field name="display_name" label="Name shown to buyers" defaultValue={values.displayName} hint="On the checkout page; the business name is used when empty." />
        <Field name="brand_color" label="Brand colour" defaultValue={values.brandColor} placeholder="#4f46e5" hint="A hex colour for the Pay button and accents." />
        <Field name="logo_url" label="Logo URL" type="url" defaultValue={values.logoUrl} placeholder="https://cdn.example.com/logo.png" />
        <Field
          name="allowed_origins"
          label="Sites allowed to embed the checkout"
          textarea
          defaultValue={values.allowedOrigins}
          placeholder="https://shop.example.com"
          hint="One origin per line. Embedded checkouts may be framed by these sites only, and post their events only to them."
        />
        <Field
          name="minimum_amounts"
          label="Minimum amounts"
          textarea
          defaultValue={values.minimumAmounts}
          placeholder="USD 5.00"
          hint="One currency and amount per line. Payments below the minimum are refused in every API."
        />
        <div className="flex items-start gap-3">
          <input
            id="receipts_enabled"
            name="receipts_enabled"
            type="checkbox"
            defaultChecked={values.receiptsEnabled}
            className="mt-1 h-4 w-4 rounded border-slate-300 text-indigo-600 focus:ring-indigo-600"
          />
          <label htmlFor="receipts_enabled" className="text-sm text-slate-700">
            <span className="font-medium text-slate-900">Email buyers a receipt</span>
            <span className="block text-slate-600">
              When a payment with an email address succeeds, and when it is refunded. The checkout asks for an address when you send none.
            </span>
          </label>
        </div>
      </fieldset>
    </ActionForm>
  );
}

export function CheckoutForm() {
  return (
    <ActionForm action={createCheckoutAction} submitLabel="Create checkout" resetOnSuccess>
      <Field name="name" label="Name" placeholder="Gift shop" required />
      <Field name="display_name" label="Name shown to buyers" />
      <Field name="brand_color" label="Brand colour" placeholder="#be123c" />
      <Field name="logo_url" label="Logo URL" type="url" />
    </ActionForm>
  );
}

const ROLE_OPTIONS = ["owner", "admin", "developer", "viewer"].map((role) => ({ value: role, label: role }));

export function InviteForm() {
  const [link, setLink] = useState<string | null>(null);
  return (
    <div className="space-y-3">
      <ActionForm
        action={inviteAction}
        submitLabel="Invite"
        resetOnSuccess
        onSuccess={(result) => setLink(result.ok ? ((result.data as { link?: string } | undefined)?.link ?? null) : null)}
        className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-end"
      >
        <Field name="email" label="Email" type="email" required />
        <Field name="role" label="Role" defaultValue="developer" options={ROLE_OPTIONS} />
      </ActionForm>
      {link && (
        <div className="flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 bg-slate-50 p-3">
          <code className="break-all text-xs text-slate-900">{link}</code>
          <CopyButton value={link} label="Copy link" />
        </div>
      )}
    </div>
  );
}

export function MemberControls(props: { userId: string; role: string; name: string; isSelf: boolean; canManage: boolean }) {
  return (
    <div className="flex flex-wrap items-end justify-end gap-2">
      {props.canManage && (
        <ActionForm action={changeRoleAction} submitLabel="Change" variant="secondary" className="flex items-end gap-2">
          <input type="hidden" name="user_id" value={props.userId} />
          <Field name="role" label={`Role of ${props.name}`} hideLabel defaultValue={props.role} options={ROLE_OPTIONS} />
        </ActionForm>
      )}
      {(props.canManage || props.isSelf) && (
        <ConfirmAction
          label={props.isSelf ? "Leave" : "Remove"}
          title={props.isSelf ? "Leave this team" : `Remove ${props.name}`}
          description={props.isSelf ? "You will lose access to this merchant." : "They lose access to this merchant at once."}
          confirmLabel={props.isSelf ? "Leave" : "Remove"}
          variant="danger"
          action={removeMemberAction}
          hidden={{ user_id: props.userId }}
        />
      )}
    </div>
  );
}

export function RevokeInviteButton({ invitationId, email }: { invitationId: string; email: string }) {
  return (
    <ConfirmAction
      label="Withdraw"
      title={`Withdraw the invitation for ${email}`}
      description="The link stops working."
      confirmLabel="Withdraw"
      variant="danger"
      action={revokeInviteAction}
      hidden={{ invitation_id: invitationId }}
    />
  );
}
