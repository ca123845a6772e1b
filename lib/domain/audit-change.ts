// One audit event's change as people read it: "points: 1.5 → 1; reason: — → Thiếu văn bản".
// Pure: the audit view and its XLSX export both call it, so they always say the same thing.

export type ChangedField = { field: string; before: string; after: string };

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/**
 * The fields whose value differs between `before` and `after` (JSON objects as stored on the
 * event), in the order they appear; a field present on one side only counts as changed. Values
 * that are not objects are compared whole, under the field name "".
 */
export function changedFields(before: unknown, after: unknown): ChangedField[] {
  const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
  if (!isObject(before) && !isObject(after)) {
    return show(before) === show(after) ? [] : [{ field: "", before: show(before), after: show(after) }];
  }
  const left = isObject(before) ? before : {};
  const right = isObject(after) ? after : {};
  const fields = [...new Set([...Object.keys(left), ...Object.keys(right)])];
  return fields
    .map((field) => ({ field, before: show(left[field]), after: show(right[field]) }))
    .filter((change) => change.before !== change.after);
}
