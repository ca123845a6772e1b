"use client";

import { useActionState } from "react";

import { saveAgencyAction } from "@/app/(workspace)/quan-tri/don-vi/actions";
import type { AdminFormState } from "@/app/(workspace)/quan-tri/form-state";
import { getMessages } from "@/lib/i18n/messages";

import { CheckboxField, FormMessage, SelectField, shown, shownChecked, SubmitButton, TextField, type Option } from "./form-fields";

const { adminOrg: text } = getMessages("vi");

export type AgencyFormValues = {
  id: string;
  name: string;
  shortName: string | null;
  slug: string;
  unitTypeId: string;
  parentId: string | null;
  /** "YYYY-MM-DD" */
  activeFrom: string | null;
  activeTo: string | null;
  isRanked: boolean;
};

/** Creates an agency (no `agency`) or edits one. The unit types offered are the active ones and the agency's own. */
export function AgencyForm({ agency, unitTypes, parents, isSlugFrozen }: { agency: AgencyFormValues | null; unitTypes: Option[]; parents: Option[]; isSlugFrozen: boolean }) {
  const [state, action, isPending] = useActionState<AdminFormState, FormData>(saveAgencyAction, null);
  const errors = state?.fieldErrors ?? {};
  const field = (name: keyof AgencyFormValues) => ({ id: `agency-${name}`, name, error: errors[name] });
  return (
    <form action={action} className="max-w-2xl space-y-4" noValidate>
      <FormMessage state={state} />
      {agency ? <input type="hidden" name="agencyId" value={agency.id} /> : null}
      <TextField {...field("name")} label={text.agencies.name} isRequired defaultValue={shown(state, "name", agency?.name)} />
      <TextField {...field("shortName")} label={text.agencies.shortName} defaultValue={shown(state, "shortName", agency?.shortName)} />
      <TextField
        {...field("slug")}
        label={text.agencies.slug}
        hint={isSlugFrozen ? text.agencies.slugFrozenHint : text.agencies.slugHint}
        isReadOnly={isSlugFrozen}
        defaultValue={shown(state, "slug", agency?.slug)}
      />
      <SelectField {...field("unitTypeId")} label={text.agencies.unitType} isRequired options={unitTypes} emptyLabel="" defaultValue={shown(state, "unitTypeId", agency?.unitTypeId)} />
      <SelectField {...field("parentId")} label={text.agencies.parent} hint={text.agencies.parentHint} options={parents} emptyLabel={text.none} defaultValue={shown(state, "parentId", agency?.parentId)} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField {...field("activeFrom")} type="date" label={text.agencies.activeFrom} defaultValue={shown(state, "activeFrom", agency?.activeFrom)} />
        <TextField {...field("activeTo")} type="date" label={text.agencies.activeTo} hint={text.agencies.activeToHint} defaultValue={shown(state, "activeTo", agency?.activeTo)} />
      </div>
      <CheckboxField {...field("isRanked")} label={text.agencies.isRanked} hint={text.agencies.isRankedHint} defaultChecked={shownChecked(state, "isRanked", agency?.isRanked ?? true)} />
      <SubmitButton isPending={isPending}>{agency ? text.save : text.agencies.add}</SubmitButton>
    </form>
  );
}
