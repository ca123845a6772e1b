import { describe, expect, it } from "vitest";

import { uniqueAgencySlug } from "@/lib/imports/agency-slug";
import { buildNameIndex } from "@/lib/imports/name-index";

const agencies = [
  { slug: "xa-an-hoa", name: "Xã An Hòa", shortName: null },
  { slug: "so-y-te", name: "Sở Y tế", shortName: "SYT" },
  { slug: "xa-an-hoa-2", name: "Xã Ân Hòa", shortName: null },
  { slug: "so-cong-thuong", name: "Sở Công Thương", shortName: "SCT" },
];
const index = buildNameIndex(agencies, (agency) => [agency.name, agency.shortName, agency.slug]);

describe("buildNameIndex", () => {
  it("finds an agency by name in any case and spacing, by short name and by slug", () => {
    for (const text of ["sở y tế", "  Sở   Y TẾ ", "SYT", "so-y-te"]) {
      expect(index.lookup(text)).toEqual({ kind: "found", item: agencies[1] });
    }
    expect(index.lookup("Sở Công thương")).toEqual({ kind: "found", item: agencies[3] });
  });

  it("matches the exact spelling first, so names differing only in accents stay apart", () => {
    expect(index.lookup("Xã An Hòa")).toEqual({ kind: "found", item: agencies[0] });
    expect(index.lookup("Xã Ân Hòa")).toEqual({ kind: "found", item: agencies[2] });
  });

  it("falls back to the name without accents — the old tone placement (Hoà), decomposed text, no accents — and reports a tie", () => {
    expect(index.lookup("So Y te")).toEqual({ kind: "found", item: agencies[1] });
    expect(index.lookup("Sở Y tế".normalize("NFD"))).toEqual({ kind: "found", item: agencies[1] });
    expect(index.lookup("Xã An Hoà")).toEqual({ kind: "ambiguous", items: [agencies[0], agencies[2]] });
    expect(index.lookup("Sở Y tế tỉnh")).toEqual({ kind: "none" });
  });
});

describe("uniqueAgencySlug", () => {
  it("makes a URL name without accents, unique among those taken", () => {
    const taken = new Set(["so-ke-hoach-va-dau-tu"]);
    expect(uniqueAgencySlug("Sở Kế hoạch và Đầu tư", taken)).toBe("so-ke-hoach-va-dau-tu-2");
    expect(uniqueAgencySlug("Sở Kế hoạch và Đầu tư", taken)).toBe("so-ke-hoach-va-dau-tu-3");
    expect(uniqueAgencySlug("Sở Lao động, Thương binh và Xã hội", taken)).toBe("so-lao-dong-thuong-binh-va-xa-hoi");
    expect(uniqueAgencySlug("!!!", taken)).toBe("don-vi");
  });
});
