"use client";

import { useActionState } from "react";

import { deleteUnitTypeAction, saveUnitTypeAction, setUnitTypeActiveAction } from "@/app/(workspace)/quan-tri/don-vi/actions";
import type { AdminFormState } from "@/app/(workspace)/quan-tri/form-state";
import { getMessages } from "@/lib/i18n/messages";

import { FormMessage, shown, SubmitButton, TextField } from "./form-fields";

const { adminOrg: text } = getMessages("vi");

type UnitType = { id: string; name: string; code: string; sortOrder: number };

/** Creates a unit type (no `unitType`) or edits one's name, code and order. */
export function UnitTypeForm({ unitType }: { unitType: UnitType | null }) {
  const [state, action, isPending] = useActionState<AdminFormState, FormData>(saveUnitTypeAction, null);
  const errors = state?.fieldErrors ?? {};
  const id = (name: string) => `unit-type-${unitType?.id ?? "new"}-${name}`;
  return (
    <form action={action} className="max-w-xl space-y-3" noValidate>
      <FormMessage state={state} />
      {unitType ? <input type="hidden" name="unitTypeId" value={unitType.id} /> : null}
      <TextField id={id("name")} name="name" label={text.unitTypes.name} isRequired error={errors.name} defaultValue={shown(state, "name", unitType?.name)} />
      <TextField id={id("code")} name="code" label={text.unitTypes.code} hint={text.unitTypes.codeHint} isRequired error={errors.code} defaultValue={shown(state, "code", unitType?.code)} />
      <TextField id={id("sort-order")} name="sortOrder" type="number" label={text.unitTypes.sortOrder} error={errors.sortOrder} defaultValue={shown(state, "sortOrder", String(unitType?.sortOrder ?? 0))} />
      <SubmitButton isPending={isPending}>{unitType ? text.save : text.unitTypes.create}</SubmitButton>
    </form>
  );
}

/** Deactivate or use again, and delete: refused with the reason while agencies depend on the type. */
export function UnitTypeActions({ unitType, isActive }: { unitType: { id: string; name: string }; isActive: boolean }) {
  const [activeState, toggle, isToggling] = useActionState<AdminFormState, FormData>(setUnitTypeActiveAction, null);
  const [deleteState, remove, isDeleting] = useActionState<AdminFormState, FormData>(deleteUnitTypeAction, null);
  const button = "rounded border border-brand-700 px-2 py-1 text-brand-700 disabled:opacity-60";
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <form action={toggle}>
          <input type="hidden" name="unitTypeId" value={unitType.id} />
          <input type="hidden" name="isActive" value={isActive ? "false" : "true"} />
          <button type="submit" disabled={isToggling} aria-busy={isToggling} className={button} aria-label={`${isActive ? text.unitTypes.deactivate : text.unitTypes.reactivate}: ${unitType.name}`}>
            {isActive ? text.unitTypes.deactivate : text.unitTypes.reactivate}
          </button>
        </form>
        <form action={remove}>
          <input type="hidden" name="unitTypeId" value={unitType.id} />
          <button type="submit" disabled={isDeleting} aria-busy={isDeleting} className={button} aria-label={`${text.unitTypes.delete}: ${unitType.name}`}>
            {text.unitTypes.delete}
          </button>
        </form>
      </div>
      <FormMessage state={activeState} />
      <FormMessage state={deleteState} />
    </div>
  );
}
