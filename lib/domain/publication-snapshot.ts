import { z } from "zod";

// The immutable content of a publication: every result exactly as announced. Validated on write
// and on read, since public pages and exports serve it as is.

const ZDecimalText = z.string().regex(/^-?\d+\.\d+$/, "decimal text such as 91.790");

export const ZPublishedResultRow = z.object({
  agencyId: z.string().min(1),
  agencySlug: z.string().min(1),
  agencyName: z.string().min(1),
  totalPoints: ZDecimalText,
  maxPoints: ZDecimalText,
  /** At the year's precision, e.g. "91.79". */
  indexPercent: ZDecimalText,
  rank: z.number().int().positive().nullable(),
  rankedCount: z.number().int().min(0),
  bandLabel: z.string().nullable(),
  rankChange: z.number().int().nullable(),
});
export type TPublishedResultRow = z.infer<typeof ZPublishedResultRow>;

export const ZPublicationSnapshot = z.object({
  year: z.number().int(),
  precision: z.union([z.literal(2), z.literal(3)]),
  unitTypes: z.array(
    z.object({
      unitTypeId: z.string().min(1),
      unitTypeName: z.string().min(1),
      rows: z.array(ZPublishedResultRow),
    }),
  ),
});
export type TPublicationSnapshot = z.infer<typeof ZPublicationSnapshot>;
