"use client";

import { useActionState } from "react";

import { splitAgencyAction } from "@/app/(workspace)/quan-tri/don-vi/actions";
import type { AdminFormState } from "@/app/(workspace)/quan-tri/form-state";
import { interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";

import { CheckboxField, FormMessage, SelectField, shown, shownChecked, SubmitButton, TextField, type Option } from "./form-fields";

const { adminOrg: text } = getMessages("vi");
const text2 = text.succession;

/** As many successor groups as splitAgencyAction reads. */
const GROUPS = 4;

/** Agency X became Y, Z… (each existing or new) on a date. */
export function SplitForm({ agencies, unitTypes, predecessorId }: { agencies: Option[]; unitTypes: Option[]; predecessorId: string | null }) {
  const [state, action, isPending] = useActionState<AdminFormState, FormData>(splitAgencyAction, null);
  const errors = state?.fieldErrors ?? {};
  return (
    <form action={action} className="max-w-2xl space-y-5" noValidate>
      <FormMessage state={state} />
      <SelectField
        id="split-predecessor"
        name="predecessorId"
        label={text2.predecessor}
        isRequired
        options={agencies}
        emptyLabel={text2.chooseAgency}
        error={errors.predecessorId}
        defaultValue={shown(state, "predecessorId", predecessorId)}
      />
      <p id="split-groups-hint" className="text-sm text-slate-700">
        {text2.successorRowsHint}
      </p>
      {errors.successors ? (
        <p id="split-groups-error" className="text-sm text-red-700">
          {errors.successors}
        </p>
      ) : null}
      {Array.from({ length: GROUPS }, (_, index) => {
        const prefix = `successors.${index}.`;
        const id = (name: string) => `split-${index + 1}-${name}`;
        return (
          <fieldset key={index} className="space-y-3 rounded border border-slate-300 bg-white p-4" aria-describedby={errors.successors ? "split-groups-hint split-groups-error" : "split-groups-hint"}>
            <legend className="px-1 font-semibold">{interpolate(text2.successorNLegend, { n: index + 1 })}</legend>
            <SelectField
              id={id("agency")}
              name={`${prefix}agencyId`}
              label={text2.existing}
              options={agencies}
              emptyLabel={text2.chooseAgency}
              error={errors[`${prefix}agencyId`]}
              defaultValue={shown(state, `${prefix}agencyId`, "")}
            />
            <TextField id={id("name")} name={`${prefix}name`} label={text2.newName} error={errors[`${prefix}name`]} defaultValue={shown(state, `${prefix}name`, "")} />
            <TextField id={id("slug")} name={`${prefix}slug`} label={text.agencies.slug} error={errors[`${prefix}slug`]} defaultValue={shown(state, `${prefix}slug`, "")} />
            <SelectField
              id={id("unit-type")}
              name={`${prefix}unitTypeId`}
              label={text.agencies.unitType}
              options={unitTypes}
              emptyLabel=""
              error={errors[`${prefix}unitTypeId`]}
              defaultValue={shown(state, `${prefix}unitTypeId`, "")}
            />
            <CheckboxField id={id("ranked")} name={`${prefix}isRanked`} label={text.agencies.isRanked} defaultChecked={shownChecked(state, `${prefix}isRanked`, true)} />
          </fieldset>
        );
      })}
      <TextField id="split-effective-on" name="effectiveOn" type="date" label={text2.effectiveOn} hint={text2.effectiveOnHint} isRequired error={errors.effectiveOn} defaultValue={shown(state, "effectiveOn", "")} />
      <TextField id="split-note" name="note" label={text2.note} error={errors.note} defaultValue={shown(state, "note", "")} />
      <SubmitButton isPending={isPending}>{text2.recordSplit}</SubmitButton>
    </form>
  );
}
