import type { Metadata } from "next";
import Link from "next/link";
import { getServerSession } from "next-auth";
import { getDb } from "@/db/client";
import { findInvitation } from "@/lib/accounts/team";
import { acceptInvite } from "@/app/_server/account-actions";
import { authOptions } from "@/app/_server/auth";
import { AuthFrame } from "@/components/auth/auth-frame";
import { ActionForm } from "@/components/ui/action-form";
import { buttonClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Join a team" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string }> };

export default async function InvitePage({ params }: Props) {
  const { token } = await params;
  const found = /^[A-Za-z0-9]{1,64}$/.test(token) ? await findInvitation(await getDb(), token) : null;
  if (!found) {
    return (
      <AuthFrame title="This invitation is not valid">
        <p className="text-sm text-slate-700">It may have been used, withdrawn or have expired. Ask the person who invited you for a new link.</p>
      </AuthFrame>
    );
  }
  const team = found.merchantDisplayName || found.merchantName;
  const session = await getServerSession(authOptions);
  const here = `/invite/${token}`;
  return (
    <AuthFrame title={`Join ${team}`}>
      <p className="mb-4 text-sm text-slate-700">
        You are invited as <strong>{found.invitation.role}</strong>, with the email <strong>{found.invitation.email}</strong>.
      </p>
      {session ? (
        <ActionForm action={acceptInvite} submitLabel={`Join ${team}`}>
          <input type="hidden" name="token" value={token} />
        </ActionForm>
      ) : (
        <div className="flex flex-col gap-2">
          <Link href={`/signup?callbackUrl=${encodeURIComponent(here)}`} className={buttonClass.primary}>
            Create an account with {found.invitation.email}
          </Link>
          <Link href={`/signin?callbackUrl=${encodeURIComponent(here)}`} className={buttonClass.secondary}>
            I already have an account
          </Link>
        </div>
      )}
    </AuthFrame>
  );
}
