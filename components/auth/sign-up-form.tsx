"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { signUp } from "@/app/_server/account-actions";
import { ActionForm, Field } from "@/components/ui/action-form";
import { buttonClass } from "@/components/ui/styles";

/** Sign-up, then straight in: the same password rules as the accounts API. */
export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const credentials = useRef<{ email: string; password: string } | null>(null);
  return (
    <div className="space-y-4">
      <ActionForm
        action={async (previous, form) => {
          credentials.current = { email: String(form.get("email")), password: String(form.get("password")) };
          return signUp(previous, form);
        }}
        submitLabel="Create account"
        onSuccess={async () => {
          if (!credentials.current) return;
          await signIn("credentials", { ...credentials.current, redirect: false });
          router.push(callbackUrl);
          router.refresh();
        }}
      >
        <Field name="name" label="Your name" autoComplete="name" required />
        <Field name="email" label="Email" type="email" autoComplete="email" required />
        <Field name="password" label="Password" type="password" autoComplete="new-password" required hint="10 to 128 characters, not a common password." />
      </ActionForm>
      <p className="text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`} className={buttonClass.link}>
          Sign in
        </Link>
      </p>
    </div>
  );
}
