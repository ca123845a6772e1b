import type { ChangedField } from "@/lib/domain/audit-change";

import { vi } from "./vi";

// An audit entry's changes in Vietnamese, for the audit view and its XLSX export alike.

const STATUS_LABELS: Record<string, string> = vi.labels.assessmentStatus;

function value(field: string, text: string): string {
  if (field === "status" && text in STATUS_LABELS) return STATUS_LABELS[text]!;
  if (text === "true") return "có";
  if (text === "false") return "không";
  return text;
}

/** "Điểm: 1.500 → 1.000" per changed field, split into before and after columns. */
export function formatChanges(changes: readonly ChangedField[]): { before: string; after: string } {
  const label = (field: string) => (field === "" ? "" : `${(vi.auditTrail.fields as Record<string, string>)[field] ?? field}: `);
  return {
    before: changes.map((change) => `${label(change.field)}${value(change.field, change.before)}`).join("\n"),
    after: changes.map((change) => `${label(change.field)}${value(change.field, change.after)}`).join("\n"),
  };
}
