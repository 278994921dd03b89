"use client";

import { createContext, useActionState, useContext, useEffect, useId, useRef, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import type { ActionResult } from "@/app/_server/action-result";
import { MerchantField } from "./merchant-scope";
import { buttonClass, inputClass, labelClass } from "./styles";

type Action = (previous: ActionResult<unknown> | null, form: FormData) => Promise<ActionResult<unknown>>;

const ResultContext = createContext<ActionResult<unknown> | null>(null);

/**
 * A form bound to a server action: shows the action's message or errors, marks failing fields, and
 * can clear itself after success. The server validates everything again with the API's schemas.
 */
export function ActionForm(props: {
  action: Action;
  children: ReactNode;
  submitLabel: string;
  variant?: keyof typeof buttonClass;
  resetOnSuccess?: boolean;
  className?: string;
  onSuccess?: (result: ActionResult<unknown>) => void;
}) {
  const [result, formAction] = useActionState(props.action, null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (result?.ok) {
      if (props.resetOnSuccess) form.current?.reset();
      props.onSuccess?.(result);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when a new result arrives
  }, [result]);
  return (
    <ResultContext.Provider value={result}>
      <form ref={form} action={formAction} className={props.className ?? "space-y-4"} noValidate>
        <MerchantField />
        {props.children}
        <SubmitButton label={props.submitLabel} variant={props.variant ?? "primary"} />
        <ResultMessage result={result} />
      </form>
    </ResultContext.Provider>
  );
}

export function SubmitButton({ label, variant = "primary" }: { label: string; variant?: keyof typeof buttonClass }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass[variant]}>
      {pending && <span aria-hidden className="h-3.5 w-3.5 animate-spin rounded-full border-2 border-current border-t-transparent" />}
      {label}
    </button>
  );
}

function ResultMessage({ result }: { result: ActionResult<unknown> | null }) {
  if (!result) return null;
  if (result.ok) {
    return result.message ? (
      <p role="status" className="col-span-full basis-full rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
        {result.message}
      </p>
    ) : null;
  }
  return (
    <p role="alert" className="col-span-full basis-full rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
      {result.error}
    </p>
  );
}

/** A labelled input that shows the server's error for its name. */
export function Field(props: {
  name: string;
  label: string;
  defaultValue?: string;
  type?: string;
  placeholder?: string;
  hint?: string;
  required?: boolean;
  textarea?: boolean;
  autoComplete?: string;
  inputMode?: "numeric" | "decimal" | "email" | "url" | "text";
}) {
  const result = useContext(ResultContext);
  const id = useId();
  const error = result && !result.ok ? result.fields?.[props.name] : undefined;
  const describedBy = [error ? `${id}-error` : null, props.hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name: props.name,
    defaultValue: props.defaultValue,
    placeholder: props.placeholder,
    required: props.required,
    "aria-invalid": Boolean(error),
    "aria-describedby": describedBy,
    className: inputClass,
    autoComplete: props.autoComplete,
  };
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {props.label}
      </label>
      {props.textarea ? <textarea {...common} rows={4} /> : <input {...common} type={props.type ?? "text"} inputMode={props.inputMode} />}
      {props.hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {props.hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
