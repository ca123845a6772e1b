import { randomInt } from "node:crypto";

import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";

import { vi } from "@/lib/i18n/vi";

// argon2id with the library's defaults (m=19456 KiB, t=2, p=1: OWASP's minimum for argon2id).
export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash must not let anyone in, nor crash the sign-in.
    return false;
  }
}

// Compared against when the e-mail is unknown, so an unknown account takes as long to refuse as a
// wrong password and the timing tells nothing about which e-mails exist.
const UNKNOWN_ACCOUNT_HASH = "$argon2id$v=19$m=19456,t=2,p=1$TWcwrrXB0nv1m8QhhqhqSw$dpT205m8lKJSgh9JfqUYwh9TwcBIECcr18/u14Ug6Uk";

export async function verifyAgainstNothing(password: string): Promise<false> {
  await verifyPassword(UNKNOWN_ACCOUNT_HASH, password);
  return false;
}

/** A new password: at least 10 characters with letters and digits (long beats complex). */
export const ZNewPassword = z
  .string()
  .min(10, vi.auth.passwordTooWeak)
  .max(200, vi.auth.passwordTooWeak)
  .refine((value) => /\p{L}/u.test(value) && /\d/.test(value), vi.auth.passwordTooWeak);

// No look-alikes (0/O, 1/l/I) in passwords read out over the phone.
const TEMPORARY_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A one-time password for an administrator's reset; it satisfies ZNewPassword. */
export function generateTemporaryPassword(): string {
  const letters = Array.from({ length: 10 }, () => TEMPORARY_ALPHABET[randomInt(TEMPORARY_ALPHABET.length)]).join("");
  return `${letters}${randomInt(10, 100)}`;
}
