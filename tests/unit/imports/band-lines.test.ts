import { describe, expect, it } from "vitest";

import { bandLinesOf, parseBandLines } from "@/lib/imports/band-lines";

describe("parseBandLines", () => {
  it("reads one band per line with a colon or a tab, a decimal comma and an optional %", () => {
    expect(parseBandLines("Nhóm 1: 90\r\n\n  Nhóm 2 (Tốt):82,5% \nNhóm 3\t0\n")).toEqual({
      ok: true,
      bands: [
        { label: "Nhóm 1", minPercentThousandths: 90_000 },
        { label: "Nhóm 2 (Tốt)", minPercentThousandths: 82_500 },
        { label: "Nhóm 3", minPercentThousandths: 0 },
      ],
    });
  });

  it("takes the last colon, so a label may contain one", () => {
    expect(parseBandLines("Loại A: xuất sắc: 90\nLoại B: 0")).toEqual({
      ok: true,
      bands: [
        { label: "Loại A: xuất sắc", minPercentThousandths: 90_000 },
        { label: "Loại B", minPercentThousandths: 0 },
      ],
    });
  });

  it("means no bands when blank", () => {
    expect(parseBandLines(" \n ")).toEqual({ ok: true, bands: [] });
  });

  it("names each malformed line, then the bands' own problems", () => {
    expect(parseBandLines("Nhóm 1 90\n: 50\nNhóm 2: 1,2345\nNhóm 3: khá")).toEqual({
      ok: false,
      problems: [
        "Dòng 1: “Nhóm 1 90” cần có dạng “Nhóm 1: 90” (tên mức xếp loại, dấu hai chấm, ngưỡng dưới tính bằng %).",
        "Dòng 2: “: 50” cần có dạng “Nhóm 1: 90” (tên mức xếp loại, dấu hai chấm, ngưỡng dưới tính bằng %).",
        "Dòng 3: ngưỡng 1,2345 có quá 3 chữ số thập phân.",
        "Dòng 4: “Nhóm 3: khá” cần có dạng “Nhóm 1: 90” (tên mức xếp loại, dấu hai chấm, ngưỡng dưới tính bằng %).",
      ],
    });
    expect(parseBandLines("Nhóm 1: 90\nNhóm 2: 90\nNhóm 1: 120")).toEqual({
      ok: false,
      problems: [
        "Hai mức xếp loại có cùng ngưỡng dưới 90%.",
        "Mức xếp loại Nhóm 1: ngưỡng dưới phải từ 0 đến 100%.",
        "Tên mức xếp loại Nhóm 1 bị trùng.",
        "Các mức xếp loại phải phủ từ 0%: mức thấp nhất cần có ngưỡng dưới 0%.",
      ],
    });
  });
});

describe("bandLinesOf", () => {
  it("writes bands as the form shows them, highest first, and reads back the same", () => {
    const bands = [
      { label: "Nhóm 3", minPercentThousandths: 0 },
      { label: "Nhóm 1", minPercentThousandths: 90_000 },
      { label: "Nhóm 2", minPercentThousandths: 82_500 },
    ];
    expect(bandLinesOf(bands)).toBe("Nhóm 1: 90\nNhóm 2: 82,5\nNhóm 3: 0");
    const parsed = parseBandLines(bandLinesOf(bands));
    expect(parsed.ok && [...parsed.bands].sort((a, b) => a.minPercentThousandths - b.minPercentThousandths)).toEqual([...bands].sort((a, b) => a.minPercentThousandths - b.minPercentThousandths));
  });
});
