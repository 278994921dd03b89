import type { Metadata } from "next";
import { AuthFrame } from "@/components/auth/auth-frame";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { safeCallback } from "@/app/_server/safe-callback";

export const metadata: Metadata = { title: "Create an account" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignUpPage({ searchParams }: Props) {
  const query = await searchParams;
  return (
    <AuthFrame title="Create your Kassa account">
      <SignUpForm callbackUrl={safeCallback(query.callbackUrl, "/dashboard/welcome")} />
    </AuthFrame>
  );
}
