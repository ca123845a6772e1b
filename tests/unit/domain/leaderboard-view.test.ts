import { describe, expect, it } from "vitest";

import { filterRowsByName, foldForSearch, parseLeaderboardSort, sortLeaderboardRows } from "@/lib/domain/leaderboard-view";

const row = (agencyName: string, rank: number | null, indexPercent: string, rankChange: number | null) => ({ agencyName, rank, indexPercent, rankChange });

const ROWS = [
  row("Sở Tư pháp", 1, "91.79", 2),
  row("Sở Y tế", 2, "88.10", -1),
  row("Sở Tài chính", 2, "88.10", null),
  row("Đài Phát thanh và Truyền hình", 4, "75.00", 0),
  row("Ban Quản lý dự án mới", null, "60.00", null),
];

const names = (rows: readonly { agencyName: string }[]) => rows.map((r) => r.agencyName);

describe("foldForSearch", () => {
  it("drops diacritics, đ and case, and collapses punctuation", () => {
    expect(foldForSearch("  SỞ TƯ PHÁP ")).toBe("so tu phap");
    expect(foldForSearch("Đài Phát thanh, Truyền hình")).toBe("dai phat thanh truyen hinh");
    // Precomposed and decomposed input fold alike.
    expect(foldForSearch("Sở".normalize("NFD"))).toBe(foldForSearch("Sở".normalize("NFC")));
  });
});

describe("filterRowsByName", () => {
  it("finds a name typed without diacritics, in any word order", () => {
    expect(names(filterRowsByName(ROWS, "so tu phap"))).toEqual(["Sở Tư pháp"]);
    expect(names(filterRowsByName(ROWS, "phap tu"))).toEqual(["Sở Tư pháp"]);
    expect(names(filterRowsByName(ROWS, "dai"))).toEqual(["Đài Phát thanh và Truyền hình"]);
  });

  it("matches diacritic queries by letters and keeps every row for a blank query", () => {
    expect(names(filterRowsByName(ROWS, "Sở Y"))).toEqual(["Sở Y tế"]);
    expect(filterRowsByName(ROWS, "  ")).toHaveLength(ROWS.length);
    expect(filterRowsByName(ROWS, "xyz")).toEqual([]);
  });
});

describe("parseLeaderboardSort", () => {
  it("falls back to the official order on unknown input and defaults each column's direction", () => {
    expect(parseLeaderboardSort("bogus", "giam")).toEqual({ key: "hang", direction: "tang" });
    expect(parseLeaderboardSort(undefined, undefined)).toEqual({ key: "hang", direction: "tang" });
    expect(parseLeaderboardSort("chi-so", undefined)).toEqual({ key: "chi-so", direction: "giam" });
    expect(parseLeaderboardSort("ten", "giam")).toEqual({ key: "ten", direction: "giam" });
  });
});

describe("sortLeaderboardRows", () => {
  it("sorts names in Vietnamese order, both ways, unranked included", () => {
    expect(names(sortLeaderboardRows(ROWS, { key: "ten", direction: "tang" }))).toEqual([
      "Ban Quản lý dự án mới",
      "Đài Phát thanh và Truyền hình",
      "Sở Tài chính",
      "Sở Tư pháp",
      "Sở Y tế",
    ]);
    expect(names(sortLeaderboardRows(ROWS, { key: "ten", direction: "giam" }))[0]).toBe("Sở Y tế");
  });

  it("keeps unranked rows last and ties in the official order when reversing the rank", () => {
    expect(names(sortLeaderboardRows(ROWS, { key: "hang", direction: "giam" }))).toEqual([
      "Đài Phát thanh và Truyền hình",
      "Sở Y tế",
      "Sở Tài chính",
      "Sở Tư pháp",
      "Ban Quản lý dự án mới",
    ]);
  });

  it("sorts by index ascending with the unranked row last", () => {
    expect(names(sortLeaderboardRows(ROWS, { key: "chi-so", direction: "tang" }))).toEqual([
      "Đài Phát thanh và Truyền hình",
      "Sở Tài chính",
      "Sở Y tế",
      "Sở Tư pháp",
      "Ban Quản lý dự án mới",
    ]);
  });

  it("sorts by change with new and unranked rows last", () => {
    expect(names(sortLeaderboardRows(ROWS, { key: "thay-doi", direction: "giam" }))).toEqual([
      "Sở Tư pháp",
      "Đài Phát thanh và Truyền hình",
      "Sở Y tế",
      "Sở Tài chính",
      "Ban Quản lý dự án mới",
    ]);
    expect(names(sortLeaderboardRows(ROWS, { key: "thay-doi", direction: "tang" })).slice(0, 3)).toEqual(["Sở Y tế", "Đài Phát thanh và Truyền hình", "Sở Tư pháp"]);
  });
});
