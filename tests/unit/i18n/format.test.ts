import { describe, expect, it } from "vitest";

import { formatPointsFromThousandths, formatSignedThousandths } from "@/lib/i18n/format";

describe("formatPointsFromThousandths", () => {
  it("prints points kept in thousandths with a decimal comma and no trailing zeros", () => {
    expect(formatPointsFromThousandths(7_160)).toBe("7,16");
    expect(formatPointsFromThousandths(61_000)).toBe("61");
    expect(formatPointsFromThousandths(11_762)).toBe("11,762");
    expect(formatPointsFromThousandths(1_234_500)).toBe("1.234,5");
    expect(formatPointsFromThousandths(7_160, "en")).toBe("7.16");
  });
});

describe("formatSignedThousandths", () => {
  it("writes the sign (a true minus) and the decimals asked for", () => {
    expect(formatSignedThousandths(2_540, 2)).toBe("+2,54");
    expect(formatSignedThousandths(-9_330, 2)).toBe("−9,33");
    expect(formatSignedThousandths(0, 2)).toBe("0,00");
    expect(formatSignedThousandths(2_425, 3)).toBe("+2,425");
  });
});
