import "server-only";

/**
 * A URL name for an agency created by an import ("Sở Kế hoạch và Đầu tư" → "so-ke-hoach-va-dau-tu"),
 * made unique against `taken` (which it extends) with "-2", "-3"… Public pages link by slug, and a
 * slug is kept across renames, so it is chosen once, here.
 */
export function uniqueAgencySlug(name: string, taken: Set<string>): string {
  const base =
    name
      .normalize("NFD")
      .replace(/\p{Diacritic}/gu, "")
      .replace(/đ/gi, "d")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80)
      .replace(/-+$/, "") || "don-vi";
  let slug = base;
  for (let suffix = 2; taken.has(slug); suffix += 1) slug = `${base}-${suffix}`;
  taken.add(slug);
  return slug;
}
