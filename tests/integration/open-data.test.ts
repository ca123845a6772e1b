import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";

import { readTable } from "@/lib/imports/read-table";
import { OPEN_DATA_COLUMNS, openDataCsv, openDataDocument, openDataXlsx, ZOpenDataDocument } from "@/lib/exports/open-data";
import { getPublishedRanking } from "@/lib/services/get-latest-published-ranking";
import { createTestDatabase } from "@/tests/support/test-database";

const seeded = await createTestDatabase("seeded");

async function documentOf(year: number) {
  const ranking = await getPublishedRanking(seeded.prisma, year);
  if (!ranking) throw new Error(`${year} is not published`);
  return openDataDocument(ranking);
}

describe("open data of a published year", () => {
  it("is exactly the stored results of the year, with the announcement's number and date, as the documented JSON schema", async () => {
    const document = await documentOf(2025);
    expect(ZOpenDataDocument.parse(JSON.parse(JSON.stringify(document)))).toEqual(document);
    expect(document.publication).toEqual({ number: "42/TB-UBND", issuedOn: "2026-03-06" });
    const stored = await seeded.prisma.result.findMany({
      where: { year: { year: 2025 } },
      select: { totalPoints: true, maxPoints: true, indexPercent: true, rank: true, bandLabel: true, rankChange: true, agency: { select: { slug: true } }, unitType: { select: { name: true } } },
    });
    expect(document.rows).toHaveLength(stored.length);
    for (const result of stored) {
      const row = document.rows.find((candidate) => candidate.agencySlug === result.agency.slug);
      expect(row).toMatchObject({
        year: 2025,
        unitType: result.unitType.name,
        totalPoints: result.totalPoints.toFixed(3),
        maxPoints: result.maxPoints.toFixed(3),
        rank: result.rank,
        band: result.bandLabel,
        rankChange: result.rankChange,
        publicationNumber: "42/TB-UBND",
        publicationDate: "2026-03-06",
      });
      expect(Number(row?.indexPercent)).toBe(Number(result.indexPercent.toFixed(3)));
    }
  });

  it("never serves a year that is not published, nor its draft scores", async () => {
    expect(await getPublishedRanking(seeded.prisma, 2026)).toBeNull();
    expect(await getPublishedRanking(seeded.prisma, 1999)).toBeNull();
    // A year not PUBLISHED stays private even if a publication row exists for it (e.g. written by
    // hand while the year was being set right): the phase decides, not the row.
    const year2025 = await seeded.prisma.publication.findFirstOrThrow({ where: { year: { year: 2025 } }, select: { snapshot: true } });
    const year2026 = await seeded.prisma.assessmentYear.update({ where: { year: 2026 }, data: { phase: "FINALIZED" }, select: { id: true } });
    await seeded.prisma.publication.create({ data: { yearId: year2026.id, number: "99/TB-UBND", issuedOn: new Date("2026-11-30"), snapshot: { ...(year2025.snapshot as object), year: 2026 } } });
    expect(await getPublishedRanking(seeded.prisma, 2026)).toBeNull();
    await seeded.prisma.assessmentYear.update({ where: { year: 2026 }, data: { phase: "PUBLISHED" } });
    expect((await getPublishedRanking(seeded.prisma, 2026))?.publication.number).toBe("99/TB-UBND");
  });

  it("gives the same rows as CSV (UTF-8 with a BOM, readable back) and as XLSX (figures as numbers)", async () => {
    const document = await documentOf(2025);
    const csv = openDataCsv(document);
    expect(csv.startsWith(`\uFEFF${OPEN_DATA_COLUMNS.join(",")}\r\n`)).toBe(true);
    const columns = OPEN_DATA_COLUMNS.map((key) => ({ key, header: key, isRequired: true }));
    const fromCsv = await readTable({ fileName: "2025.csv", bytes: new TextEncoder().encode(csv) }, { columns });
    if (!fromCsv.ok) throw new Error(fromCsv.message);
    expect(fromCsv.rows).toHaveLength(document.rows.length);
    const first = document.rows[0]!;
    expect(fromCsv.rows[0]?.values).toMatchObject({ agency: first.agency, unitType: first.unitType, indexPercent: first.indexPercent, rank: String(first.rank) });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await openDataXlsx(document));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...OPEN_DATA_COLUMNS]);
    expect(sheet.rowCount).toBe(document.rows.length + 1);
    const percentColumn = OPEN_DATA_COLUMNS.indexOf("indexPercent") + 1;
    expect(sheet.getRow(2).getCell(percentColumn).value).toBe(Number(first.indexPercent));
  });
});
