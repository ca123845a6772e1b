"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { revalidatePublicPages } from "@/lib/public-cache/revalidate-public-pages";
import { getSessionUserId } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { DEADLINE_PHASES } from "@/lib/domain/phase-deadlines";
import { interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";
import { changeYearPhase } from "@/lib/services/change-year-phase";
import { createYear } from "@/lib/services/create-year";
import { saveGradingBands } from "@/lib/services/save-grading-bands";
import { savePhaseDeadlines } from "@/lib/services/save-phase-deadlines";
import type { ServiceError } from "@/lib/services/service-result";
import { updateYearSettings } from "@/lib/services/update-year-settings";

// Thin adapters from the year pages' forms to the services, which authorize, validate and audit.

/** What a year form shows after submitting: the message, and each problem with the field it belongs to. */
export type YearFormState = { message: string; isError: boolean; issues: { path: string; message: string }[] } | null;

const { adminYears: text } = vi;

function refused(result: ServiceError): YearFormState {
  return { message: result.message, isError: true, issues: result.issues ?? [] };
}

function done(message: string): YearFormState {
  return { message, isError: false, issues: [] };
}

const field = (form: FormData, name: string) => String(form.get(name) ?? "");

function settingsOf(form: FormData) {
  return {
    precision: field(form, "precision"),
    isSurveyIncluded: form.get("isSurveyIncluded") === "on",
    maxBonusPoints: field(form, "maxBonusPoints"),
    maxPenaltyPoints: field(form, "maxPenaltyPoints"),
  };
}

/** The year page to show again after a change: its path is the year number. */
async function revalidateYear(yearId: string) {
  const year = await getPrisma().assessmentYear.findUnique({ where: { id: yearId }, select: { year: true } });
  revalidatePath("/quan-tri/nam");
  if (year) revalidatePath(`/quan-tri/nam/${year.year}`);
}

export async function createYearAction(_previous: YearFormState, form: FormData): Promise<YearFormState> {
  const userId = await getSessionUserId();
  const result = await createYear(getPrisma(), userId, {
    year: field(form, "year"),
    ...settingsOf(form),
    isCopyingPreviousYear: form.get("isCopyingPreviousYear") === "on",
  });
  if (!result.ok) return refused(result);
  revalidatePath("/quan-tri/nam");
  redirect(`/quan-tri/nam/${result.value.year}`);
}

export async function updateYearSettingsAction(_previous: YearFormState, form: FormData): Promise<YearFormState> {
  const userId = await getSessionUserId();
  const yearId = field(form, "yearId");
  const result = await updateYearSettings(getPrisma(), userId, { yearId, ...settingsOf(form) });
  if (!result.ok) return refused(result);
  await revalidateYear(yearId);
  return done(result.value.isChanged ? text.settings.saved : text.settings.unchanged);
}

export async function savePhaseDeadlinesAction(_previous: YearFormState, form: FormData): Promise<YearFormState> {
  const userId = await getSessionUserId();
  const yearId = field(form, "yearId");
  const deadlines = Object.fromEntries(
    DEADLINE_PHASES.map((phase) => [phase, { startsOn: field(form, `deadlines.${phase}.startsOn`), endsOn: field(form, `deadlines.${phase}.endsOn`) }]),
  );
  const result = await savePhaseDeadlines(getPrisma(), userId, { yearId, deadlines });
  if (!result.ok) return refused(result);
  await revalidateYear(yearId);
  // The workspaces show the deadlines too.
  revalidatePublicPages();
  return done(result.value.isChanged ? text.deadlines.saved : text.settings.unchanged);
}

export async function saveGradingBandsAction(_previous: YearFormState, form: FormData): Promise<YearFormState> {
  const userId = await getSessionUserId();
  const yearId = field(form, "yearId");
  const labels = form.getAll("label").map(String);
  const minima = form.getAll("minPercent").map(String);
  const result = await saveGradingBands(getPrisma(), userId, {
    yearId,
    unitTypeId: field(form, "unitTypeId"),
    bands: labels.map((label, index) => ({ label, minPercent: minima[index] ?? "" })),
  });
  if (!result.ok) return refused(result);
  await revalidateYear(yearId);
  return done(result.value.isChanged ? text.bands.saved : text.settings.unchanged);
}

export async function changeYearPhaseAction(_previous: YearFormState, form: FormData): Promise<YearFormState> {
  const userId = await getSessionUserId();
  const yearId = field(form, "yearId");
  const reason = form.get("reason");
  const result = await changeYearPhase(getPrisma(), userId, {
    yearId,
    from: field(form, "from"),
    to: field(form, "to"),
    ...(reason === null ? {} : { reason: String(reason) }),
  });
  if (!result.ok) return refused(result);
  // Every workspace reads the year's phase.
  revalidatePublicPages();
  return done(interpolate(text.phase.moved, { phase: vi.labels.yearPhase[result.value.phase] }));
}
