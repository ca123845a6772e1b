import { describe, expect, it } from "vitest";

import { checkHistoryRows, type HistoryContext } from "@/lib/imports/history-rows";
import type { TableRow } from "@/lib/imports/read-table";

const context: HistoryContext = {
  agencies: [
    { id: "a1", name: "Phòng Nội vụ", shortName: null, slug: "phong-noi-vu-huyen", unitTypeId: "district", isRanked: true },
    { id: "a2", name: "Phòng Nội vụ", shortName: null, slug: "phong-noi-vu-so", unitTypeId: "dept", isRanked: false },
  ],
  unitTypes: [
    { id: "dept", code: "so-ban-nganh", name: "Sở, ban, ngành" },
    { id: "district", code: "ubnd-cap-huyen", name: "UBND cấp huyện" },
  ],
  isCreatingAgencies: true,
};

const row = (rowNumber: number, values: Partial<Record<string, string>>): TableRow => ({
  rowNumber,
  values: { agency: "", unitType: "", points: "", maxPoints: "", publishedPercent: "", publishedRank: "", publishedBand: "", ...values } as Record<string, string>,
});

describe("checkHistoryRows", () => {
  it("reads the published figures as announcements write them: a decimal comma, a % sign", () => {
    const check = checkHistoryRows([row(2, { agency: "Sở Mới", unitType: "so-ban-nganh", points: "62,62", maxPoints: "70", publishedPercent: "89,46 %", publishedRank: "3", publishedBand: "Tốt" })], context);
    expect(check).toEqual({
      errors: [],
      entries: [
        {
          rowNumber: 2,
          agency: { kind: "new", name: "Sở Mới" },
          unitTypeId: "dept",
          unitTypeName: "Sở, ban, ngành",
          totalThousandths: 62_620,
          maxThousandths: 70_000,
          published: { percentThousandths: 89_460, rank: 3, bandLabel: "Tốt" },
        },
      ],
    });
  });

  it("tells two agencies of one name apart by the row's unit type", () => {
    const check = checkHistoryRows([row(2, { agency: "Phòng Nội vụ", unitType: "UBND cấp huyện", points: "80", maxPoints: "100" })], context);
    expect(check.entries.map((entry) => entry.agency)).toEqual([{ kind: "existing", id: "a1", name: "Phòng Nội vụ", slug: "phong-noi-vu-huyen", isRanked: true }]);
  });

  it("refuses the same new agency twice, however it is spaced", () => {
    const check = checkHistoryRows(
      [row(2, { agency: "Sở  Mới", unitType: "so-ban-nganh", points: "80", maxPoints: "100" }), row(3, { agency: "sở mới", unitType: "so-ban-nganh", points: "81", maxPoints: "100" })],
      context,
    );
    expect(check.errors).toEqual([{ rowNumber: 3, messages: ["sở mới đã có ở dòng 2."] }]);
  });
});
