import { describe, expect, it } from "vitest";

import { DEMO_COMMUNES, DEMO_DEPARTMENTS } from "@/prisma/seed/demo-province";
import { SLUG_PATTERN, slugify } from "@/lib/domain/slug";

describe("slugify", () => {
  it("drops Vietnamese diacritics, đ included, and joins words with single hyphens", () => {
    expect(slugify("Sở Văn hóa, Thể thao và Du lịch")).toBe("so-van-hoa-the-thao-va-du-lich");
    expect(slugify("Đặc khu Hòn Ngư")).toBe("dac-khu-hon-ngu");
    expect(slugify("  Sở Lao động - Thương binh và Xã hội ")).toBe("so-lao-dong-thuong-binh-va-xa-hoi");
    expect(slugify("Văn phòng Đoàn ĐBQH")).toBe("van-phong-doan-dbqh");
    expect(slugify("!!!")).toBe("");
  });

  it("gives a valid slug for every name of the demo province, and its communes' slugs exactly", () => {
    for (const agency of [...DEMO_COMMUNES, ...DEMO_DEPARTMENTS]) expect(slugify(agency.name)).toMatch(SLUG_PATTERN);
    for (const commune of DEMO_COMMUNES) expect(slugify(commune.name)).toBe(commune.slug);
    const long = slugify("Ủy ban nhân dân ".repeat(20));
    expect(long.length).toBeLessThanOrEqual(100);
    expect(long).toMatch(SLUG_PATTERN);
  });
});
