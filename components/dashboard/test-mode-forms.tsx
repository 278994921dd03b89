"use client";

import type { TestFaults } from "@/db/schema";
import { advanceClockAction, createClockAction, saveFaultsAction } from "@/app/dashboard/(app)/developers/test-mode-actions";
import { ActionForm, Field } from "@/components/ui/action-form";

const FAULT_SWITCHES = [
  { name: "duplicate", label: "Send every delivery twice", hint: "Same webhook-id and body: your receiver should act once." },
  { name: "out_of_order", label: "Deliver bursts out of order", hint: "The first of a burst is held back 5 s, so later events arrive before it." },
  { name: "stale_timestamp", label: "Sign with a stale timestamp", hint: "Dated ten minutes back: your receiver should reject it." },
  { name: "wrong_signature", label: "Sign with a wrong secret", hint: "Your receiver should reject it with a 4xx." },
] as const;

/** A test-mode endpoint's faults: what its deliveries suffer on purpose, so the receiver is tested against them. */
export function TestFaultsForm({ endpointId, faults }: { endpointId: string; faults: TestFaults }) {
  return (
    <ActionForm action={saveFaultsAction} submitLabel="Save faults">
      <input type="hidden" name="endpoint_id" value={endpointId} />
      <fieldset className="space-y-2">
        <legend className="sr-only">Faults</legend>
        {FAULT_SWITCHES.map((fault) => (
          <label key={fault.name} className="flex items-start gap-2 text-sm text-slate-800">
            <input type="checkbox" name={fault.name} defaultChecked={faults[fault.name] === true} className="mt-0.5 h-4 w-4 rounded border-slate-400" />
            <span>
              {fault.label}
              <span className="block text-xs text-slate-600">{fault.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name="delay_seconds" label="Delay each delivery (seconds)" type="number" defaultValue={String(faults.delay_seconds ?? 0)} hint="0 to 3600" />
        <Field name="fail_first" label="Fail the first attempts" type="number" defaultValue={String(faults.fail_first ?? 0)} hint="0 to 10; the retries show in the log" />
      </div>
    </ActionForm>
  );
}

/** datetime-local's own format, in UTC. */
const localValue = (date: Date) => date.toISOString().slice(0, 16);

export function CreateClockForm({ now }: { now: Date }) {
  return (
    <ActionForm action={createClockAction} submitLabel="Create test clock" className="grid items-end gap-3 sm:grid-cols-[1fr_1fr_auto]">
      <Field name="name" label="Name" placeholder="Annual plan renewals" />
      <Field name="frozen_time" label="Starts at (UTC)" type="datetime-local" defaultValue={localValue(now)} required />
    </ActionForm>
  );
}

export function AdvanceClockForm({ clockId, frozenTime }: { clockId: string; frozenTime: Date }) {
  const suggestion = new Date(frozenTime.getTime() + 31 * 24 * 3600_000);
  return (
    <ActionForm action={advanceClockAction} submitLabel="Advance clock" className="grid items-end gap-3 sm:grid-cols-[1fr_auto]">
      <input type="hidden" name="clock_id" value={clockId} />
      <Field name="frozen_time" label="Advance to (UTC)" type="datetime-local" defaultValue={localValue(suggestion)} hint="Everything due until then happens, in order, at its own time." required />
    </ActionForm>
  );
}
