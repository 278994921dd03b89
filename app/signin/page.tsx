import type { Metadata } from "next";
import { AuthFrame } from "@/components/auth/auth-frame";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallback } from "@/app/_server/safe-callback";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const query = await searchParams;
  return (
    <AuthFrame title="Sign in to your dashboard">
      <SignInForm callbackUrl={safeCallback(query.callbackUrl)} />
    </AuthFrame>
  );
}
