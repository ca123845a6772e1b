"use client";

import { useActionState } from "react";

import { createUserAction, setUserActiveAction, updateUserAction } from "@/app/(workspace)/quan-tri/nguoi-dung/actions";
import type { AdminFormState } from "@/app/(workspace)/quan-tri/form-state";
import { ROLES } from "@/lib/auth/policy";
import { getMessages } from "@/lib/i18n/messages";

import { CheckboxField, FormMessage, SelectField, shown, shownChecked, shownList, SubmitButton, TextField, type Option } from "./form-fields";

const { adminOrg, labels } = getMessages("vi");
const text = adminOrg.users;

export type UserFormValues = {
  id: string;
  name: string;
  email: string;
  roles: readonly string[];
  agencyId: string | null;
  appraiserUnitId: string | null;
  isAppraisalLead: boolean;
};

/** Creates an account (no `user`; the temporary password is shown once) or edits its roles and scope. */
export function UserForm({ user, agencies, appraiserUnits }: { user: UserFormValues | null; agencies: Option[]; appraiserUnits: Option[] }) {
  const [state, action, isPending] = useActionState<AdminFormState, FormData>(user ? updateUserAction : createUserAction, null);
  const errors = state?.fieldErrors ?? {};
  // After a creation the form starts blank again; after a refusal it shows what was sent.
  const roles = shownList(state, "roles", user?.roles ?? []);
  return (
    <form action={action} className="max-w-2xl space-y-4" noValidate>
      <FormMessage state={state} />
      {user ? <input type="hidden" name="userId" value={user.id} /> : null}
      <TextField id="user-name" name="name" label={text.name} isRequired autoComplete="off" error={errors.name} defaultValue={shown(state, "name", user?.name)} />
      <TextField id="user-email" name="email" type="email" label={text.email} isRequired autoComplete="off" error={errors.email} defaultValue={shown(state, "email", user?.email)} />
      <fieldset className="space-y-2" aria-describedby={errors.roles ? "user-roles-error" : undefined}>
        <legend className="font-medium">
          {text.roles} <span className="font-normal text-slate-600">{adminOrg.required}</span>
        </legend>
        <div className="flex flex-wrap gap-4">
          {ROLES.map((role) => (
            <label key={role} className="flex items-center gap-2">
              <input type="checkbox" name="roles" value={role} defaultChecked={roles.includes(role)} className="h-4 w-4" />
              {labels.roles[role]}
            </label>
          ))}
        </div>
        {errors.roles ? (
          <p id="user-roles-error" className="text-sm text-red-700">
            {errors.roles}
          </p>
        ) : null}
      </fieldset>
      <SelectField id="user-agency" name="agencyId" label={text.agency} hint={text.agencyHint} options={agencies} emptyLabel={adminOrg.none} error={errors.agencyId} defaultValue={shown(state, "agencyId", user?.agencyId)} />
      <SelectField
        id="user-appraiser-unit"
        name="appraiserUnitId"
        label={text.appraiserUnit}
        hint={text.appraiserUnitHint}
        options={appraiserUnits}
        emptyLabel={adminOrg.none}
        error={errors.appraiserUnitId}
        defaultValue={shown(state, "appraiserUnitId", user?.appraiserUnitId)}
      />
      <CheckboxField
        id="user-lead"
        name="isAppraisalLead"
        label={text.isAppraisalLead}
        hint={text.isAppraisalLeadHint}
        error={errors.isAppraisalLead}
        defaultChecked={shownChecked(state, "isAppraisalLead", user?.isAppraisalLead ?? false)}
      />
      <SubmitButton isPending={isPending}>{user ? adminOrg.save : text.create}</SubmitButton>
    </form>
  );
}

/** Disable or enable an account (never one's own: the page does not offer it, the service refuses it). */
export function UserStatusButton({ userId, isActive }: { userId: string; isActive: boolean }) {
  const [state, action, isPending] = useActionState<AdminFormState, FormData>(setUserActiveAction, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="isActive" value={isActive ? "false" : "true"} />
      <button type="submit" disabled={isPending} aria-busy={isPending} aria-describedby="user-status-hint" className={`rounded border px-3 py-1.5 font-semibold disabled:opacity-60 ${isActive ? "border-red-800 text-red-800" : "border-brand-700 text-brand-700"}`}>
        {isActive ? text.disable : text.enable}
      </button>
      <p id="user-status-hint" className="text-sm text-slate-600">
        {text.disableHint}
      </p>
      <FormMessage state={state} />
    </form>
  );
}
