"use client";

import { useActionState, useState } from "react";

import { mergeAgenciesAction } from "@/app/(workspace)/quan-tri/don-vi/actions";
import type { AdminFormState } from "@/app/(workspace)/quan-tri/form-state";
import { interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";

import { CheckboxField, FormMessage, SelectField, shown, shownChecked, SubmitButton, TextField, type Option } from "./form-fields";

const { adminOrg: text } = getMessages("vi");
const text2 = text.succession;

/** Up to this many merged agencies at once (a province merges two or three departments into one). */
const PREDECESSOR_FIELDS = 5;

/** Agencies X, Y… became Z (existing or new) on a date. */
export function MergeForm({ agencies, unitTypes, firstPredecessorId }: { agencies: Option[]; unitTypes: Option[]; firstPredecessorId: string | null }) {
  const [kind, setKind] = useState<"existing" | "new">("existing");
  const [state, action, isPending] = useActionState<AdminFormState, FormData>(async (previous, form) => {
    const next = await mergeAgenciesAction(previous, form);
    // React resets the form after its action: a recorded merger starts the next one afresh.
    if (next && !next.isError) setKind("existing");
    return next;
  }, null);
  const errors = state?.fieldErrors ?? {};
  const sentPredecessors = state?.values ? [state.values.predecessorIds ?? []].flat() : null;
  return (
    <form action={action} className="max-w-2xl space-y-5" noValidate>
      <FormMessage state={state} />
      <fieldset className="space-y-3 rounded border border-slate-300 bg-white p-4" aria-describedby={errors.predecessorIds ? "merge-predecessors-error" : undefined}>
        <legend className="px-1 font-semibold">{text2.predecessorsLegend}</legend>
        {Array.from({ length: PREDECESSOR_FIELDS }, (_, index) => (
          <SelectField
            key={index}
            id={`merge-predecessor-${index + 1}`}
            name="predecessorIds"
            label={interpolate(text2.predecessorN, { n: index + 1 })}
            options={agencies}
            emptyLabel={text2.chooseAgency}
            defaultValue={sentPredecessors ? (sentPredecessors[index] ?? "") : index === 0 ? (firstPredecessorId ?? "") : ""}
          />
        ))}
        {errors.predecessorIds ? (
          <p id="merge-predecessors-error" className="text-sm text-red-700">
            {errors.predecessorIds}
          </p>
        ) : null}
      </fieldset>

      <fieldset className="space-y-3 rounded border border-slate-300 bg-white p-4">
        <legend className="px-1 font-semibold">{text2.successorLegend}</legend>
        <div className="flex flex-wrap gap-4">
          {(["existing", "new"] as const).map((option) => (
            <label key={option} className="flex items-center gap-2">
              <input type="radio" name="successorKind" value={option} defaultChecked={kind === option} onChange={() => setKind(option)} />
              {option === "existing" ? text2.existing : text2.newAgency}
            </label>
          ))}
        </div>
        {kind === "existing" ? (
          <SelectField
            id="merge-successor"
            name="existing.agencyId"
            label={text2.existing}
            isRequired
            options={agencies}
            emptyLabel={text2.chooseAgency}
            error={errors["successor.agencyId"]}
            defaultValue={shown(state, "existing.agencyId", "")}
          />
        ) : (
          <>
            <TextField id="merge-new-name" name="new.name" label={text2.newName} isRequired error={errors["successor.name"]} defaultValue={shown(state, "new.name", "")} />
            <TextField id="merge-new-short-name" name="new.shortName" label={text.agencies.shortName} error={errors["successor.shortName"]} defaultValue={shown(state, "new.shortName", "")} />
            <TextField id="merge-new-slug" name="new.slug" label={text.agencies.slug} hint={text.agencies.slugHint} error={errors["successor.slug"]} defaultValue={shown(state, "new.slug", "")} />
            <SelectField
              id="merge-new-unit-type"
              name="new.unitTypeId"
              label={text.agencies.unitType}
              isRequired
              options={unitTypes}
              emptyLabel=""
              error={errors["successor.unitTypeId"]}
              defaultValue={shown(state, "new.unitTypeId", "")}
            />
            <CheckboxField id="merge-new-ranked" name="new.isRanked" label={text.agencies.isRanked} defaultChecked={shownChecked(state, "new.isRanked", true)} />
          </>
        )}
      </fieldset>

      <TextField id="merge-effective-on" name="effectiveOn" type="date" label={text2.effectiveOn} hint={text2.effectiveOnHint} isRequired error={errors.effectiveOn} defaultValue={shown(state, "effectiveOn", "")} />
      <TextField id="merge-note" name="note" label={text2.note} error={errors.note} defaultValue={shown(state, "note", "")} />
      <SubmitButton isPending={isPending}>{text2.recordMerge}</SubmitButton>
    </form>
  );
}
