"use client";

import { useActionState } from "react";

import { saveAppraiserUnitAction } from "@/app/(workspace)/quan-tri/don-vi/actions";
import type { AdminFormState } from "@/app/(workspace)/quan-tri/form-state";
import { getMessages } from "@/lib/i18n/messages";

import { CheckboxField, FormMessage, SelectField, shown, shownChecked, SubmitButton, TextField, type Option } from "./form-fields";

const { adminOrg: text } = getMessages("vi");

type AppraiserUnit = { id: string; name: string; agencyId: string | null; isCoordinator: boolean };

/** Creates an appraiser unit (no `unit`) or edits its name, agency and coordinator flag. */
export function AppraiserUnitForm({ unit, agencies }: { unit: AppraiserUnit | null; agencies: Option[] }) {
  const [state, action, isPending] = useActionState<AdminFormState, FormData>(saveAppraiserUnitAction, null);
  const errors = state?.fieldErrors ?? {};
  const id = (name: string) => `appraiser-unit-${unit?.id ?? "new"}-${name}`;
  return (
    <form action={action} className="max-w-xl space-y-3" noValidate>
      <FormMessage state={state} />
      {unit ? <input type="hidden" name="appraiserUnitId" value={unit.id} /> : null}
      <TextField id={id("name")} name="name" label={text.appraiserUnits.name} isRequired error={errors.name} defaultValue={shown(state, "name", unit?.name)} />
      <SelectField
        id={id("agency")}
        name="agencyId"
        label={text.appraiserUnits.agency}
        hint={text.appraiserUnits.agencyHint}
        options={agencies}
        emptyLabel={text.none}
        error={errors.agencyId}
        defaultValue={shown(state, "agencyId", unit?.agencyId)}
      />
      <CheckboxField id={id("coordinator")} name="isCoordinator" label={text.appraiserUnits.isCoordinator} defaultChecked={shownChecked(state, "isCoordinator", unit?.isCoordinator ?? false)} />
      <SubmitButton isPending={isPending}>{unit ? text.save : text.appraiserUnits.create}</SubmitButton>
    </form>
  );
}
