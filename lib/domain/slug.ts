// Agency slugs: the URL name of an agency's public page (/don-vi/so-y-te). Pure.

/** A slug: lower-case ASCII letters and digits in words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX_LENGTH = 100;

/**
 * The slug of a Vietnamese name: diacritics dropped ("đ" → "d"), anything else than letters and
 * digits becomes one hyphen. "Sở Văn hóa, Thể thao và Du lịch" → "so-van-hoa-the-thao-va-du-lich".
 */
export function slugify(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/-+$/, "");
}
