"use client";

import { createContext, startTransition, useActionState, useContext, useEffect, useId, useRef, type FormEvent, type ReactNode } from "react";
import type { ActionResult } from "@/app/_server/action-result";
import { MerchantField } from "./merchant-scope";
import { ReadOnlyNote } from "./page";
import { buttonClass, inputClass, labelClass } from "./styles";

type Action = (previous: ActionResult<unknown> | null, form: FormData) => Promise<ActionResult<unknown>>;

const ResultContext = createContext<ActionResult<unknown> | null>(null);
/** The names of the Fields in the form, so its banner does not repeat an error a field already shows. */
const FieldNames = createContext<Set<string> | null>(null);

/**
 * A server action for a form that keeps what the user typed. React resets a form after its action
 * runs, even when the server refused the input; a refund amount emptied that way would read "All
 * of it" on the next click. Submitting through onSubmit avoids that reset; `action` stays so the
 * form still posts before the page has hydrated.
 */
export function useFormAction(action: Action) {
  const [result, dispatch, pending] = useActionState(action, null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };
  return { result, pending, formProps: { action: dispatch, onSubmit } };
}

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
  /** Shown instead of the submit button to someone who may not change this, saying who can. */
  readOnly?: string;
}) {
  const { result, pending, formProps } = useFormAction(props.action);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (result?.ok) {
      if (props.resetOnSuccess) form.current?.reset();
      props.onSuccess?.(result);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when a new result arrives
  }, [result]);
  return (
    <ResultScope result={result}>
      <form ref={form} {...formProps} className={props.className ?? "space-y-4"} noValidate>
        <MerchantField />
        {props.children}
        {props.readOnly ? (
          <ReadOnlyNote>{props.readOnly}</ReadOnlyNote>
        ) : (
          <SubmitButton label={props.submitLabel} variant={props.variant ?? "primary"} pending={pending} />
        )}
        <ResultMessage result={result} />
      </form>
    </ResultScope>
  );
}

export function SubmitButton({ label, variant = "primary", pending }: { label: string; variant?: keyof typeof buttonClass; pending: boolean }) {
  return (
    <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass[variant]}>
      {pending && <span aria-hidden className="h-3.5 w-3.5 animate-spin rounded-full border-2 border-current border-t-transparent" />}
      {label}
    </button>
  );
}

export function ResultMessage({ result }: { result: ActionResult<unknown> | null }) {
  const names = useContext(FieldNames);
  if (!result) return null;
  // Every error already stands under its field: say so once, for screen readers only.
  const fieldErrors = Object.keys((!result.ok && result.fields) || {});
  if (!result.ok && fieldErrors.length > 0 && fieldErrors.every((name) => names?.has(name))) {
    return (
      <p role="alert" className="sr-only">
        {result.error === result.fields![fieldErrors[0]!] ? result.error : `${result.error} ${fieldErrors.map((name) => result.fields![name]).join(" ")}`}
      </p>
    );
  }
  if (result.ok) {
    return result.message ? (
      <p role="status" className="col-span-full basis-full rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900 [overflow-wrap:anywhere]">
        {result.message}
      </p>
    ) : null;
  }
  return (
    <p role="alert" className="col-span-full basis-full rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 [overflow-wrap:anywhere]">
      {result.error}
    </p>
  );
}

/** Gives the Fields inside a form the last result of its action, so each can show its own error. */
export function ResultScope({ result, children }: { result: ActionResult<unknown> | null; children: ReactNode }) {
  const names = useRef(new Set<string>()).current;
  return (
    <FieldNames.Provider value={names}>
      <ResultContext.Provider value={result}>{children}</ResultContext.Provider>
    </FieldNames.Provider>
  );
}

/**
 * A labelled input, textarea or select (with options) that shows the server's error for its name.
 * Outside an action form it is simply a labelled control.
 */
export function Field(props: {
  name: string;
  label: string;
  defaultValue?: string;
  type?: string;
  placeholder?: string;
  hint?: string;
  required?: boolean;
  textarea?: boolean;
  options?: readonly { value: string; label: string }[];
  hideLabel?: boolean;
  className?: string;
  autoComplete?: string;
  inputMode?: "numeric" | "decimal" | "email" | "url" | "text";
}) {
  const result = useContext(ResultContext);
  const names = useContext(FieldNames);
  names?.add(props.name);
  const id = useId();
  const error = result && !result.ok ? result.fields?.[props.name] : undefined;
  const describedBy = [error ? `${id}-error` : null, props.hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name: props.name,
    defaultValue: props.defaultValue,
    required: props.required,
    "aria-invalid": Boolean(error),
    "aria-describedby": describedBy,
    className: inputClass,
    autoComplete: props.autoComplete,
  };
  return (
    <div className={props.className}>
      <label htmlFor={id} className={props.hideLabel ? "sr-only" : labelClass}>
        {props.label}
      </label>
      {props.options ? (
        <select {...common}>
          {props.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : props.textarea ? (
        <textarea {...common} placeholder={props.placeholder} rows={4} />
      ) : (
        <input {...common} placeholder={props.placeholder} type={props.type ?? "text"} inputMode={props.inputMode} />
      )}
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
