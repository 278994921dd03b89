"use client";

import { useEffect, useRef, type ReactNode } from "react";
import type { ActionResult } from "@/app/_server/action-result";
import { ResultMessage, ResultScope, SubmitButton, useFormAction } from "./action-form";
import { MerchantField } from "./merchant-scope";
import { SecretValue } from "./secret-value";
import { buttonClass } from "./styles";

type Action = (previous: ActionResult<unknown> | null, form: FormData) => Promise<ActionResult<unknown>>;

/**
 * A button that asks before it acts: it opens a modal dialog that says what will happen, may take
 * extra input (a refund amount), and runs the server action only on confirmation.
 */
export function ConfirmAction(props: {
  label: string;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  action: Action;
  variant?: "primary" | "secondary" | "danger";
  children?: ReactNode;
  hidden?: Record<string, string>;
  /** Shows a secret the action returns (a rotated webhook secret) once it has run. */
  secretLabel?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const { result, pending, formProps } = useFormAction(props.action);
  useEffect(() => {
    if (result?.ok) dialog.current?.close();
  }, [result]);
  return (
    <>
      <button type="button" className={buttonClass[props.variant ?? "secondary"]} onClick={() => dialog.current?.showModal()}>
        {props.label}
      </button>
      {result?.ok && result.message && (
        <p role="status" className="text-sm text-emerald-800">
          {result.message}
        </p>
      )}
      {result?.ok && props.secretLabel && typeof (result.data as { secret?: unknown } | undefined)?.secret === "string" && (
        <SecretValue label={props.secretLabel} value={(result.data as { secret: string }).secret} />
      )}
      <dialog
        ref={dialog}
        aria-labelledby={`${props.label}-title`}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <form {...formProps} className="space-y-4 p-5">
          <h2 id={`${props.label}-title`} className="text-lg font-semibold text-slate-900">
            {props.title}
          </h2>
          <div className="text-sm text-slate-700">{props.description}</div>
          <MerchantField />
          {Object.entries(props.hidden ?? {}).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <ResultScope result={result}>
            {props.children}
            {result && !result.ok && <ResultMessage result={result} />}
          </ResultScope>
          <div className="flex justify-end gap-2">
            <button type="button" className={buttonClass.secondary} onClick={() => dialog.current?.close()}>
              Keep it
            </button>
            <SubmitButton label={props.confirmLabel} variant={props.variant === "danger" ? "danger" : "primary"} pending={pending} />
          </div>
        </form>
      </dialog>
    </>
  );
}
