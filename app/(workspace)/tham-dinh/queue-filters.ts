import { ZQueueFilters, type QueueFilters } from "@/lib/services/get-appraisal-queue";

/** The queue's URL parameters, in Vietnamese like the routes. */
export const QUEUE_PARAMS = { unitTypeId: "loai", status: "trang-thai", isMineOnly: "can-xu-ly", sort: "sap-xep", isDescending: "giam" } as const;

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function read(params: Params, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? (params.get(key) ?? undefined) : params[key];
  return Array.isArray(value) ? value[0] : value || undefined;
}

/** Filters from the URL (or a form); anything unknown falls back to "no filter". */
export function queueFiltersFrom(params: Params): QueueFilters {
  return ZQueueFilters.parse({
    unitTypeId: read(params, QUEUE_PARAMS.unitTypeId),
    status: read(params, QUEUE_PARAMS.status),
    isMineOnly: read(params, QUEUE_PARAMS.isMineOnly) === "1",
    sort: read(params, QUEUE_PARAMS.sort),
    isDescending: read(params, QUEUE_PARAMS.isDescending) === "1",
  });
}

/** The query string that reproduces the filters, with some of them changed. */
export function queueQuery(filters: QueueFilters, change: Partial<QueueFilters> = {}): string {
  const next = { ...filters, ...change };
  const query = new URLSearchParams();
  if (next.unitTypeId) query.set(QUEUE_PARAMS.unitTypeId, next.unitTypeId);
  if (next.status) query.set(QUEUE_PARAMS.status, next.status);
  if (next.isMineOnly) query.set(QUEUE_PARAMS.isMineOnly, "1");
  if (next.sort !== "agency") query.set(QUEUE_PARAMS.sort, next.sort);
  if (next.isDescending) query.set(QUEUE_PARAMS.isDescending, "1");
  const text = query.toString();
  return text ? `?${text}` : "";
}
