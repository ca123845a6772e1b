// The error strings next-auth carries from authorize() to the sign-in page (shared by both sides).
export const SIGN_IN_ERROR = {
  invalidCredentials: "INVALID_CREDENTIALS",
  lockedPrefix: "LOCKED:",
} as const;

export function encodeLockedError(lockedUntil: Date): string {
  return `${SIGN_IN_ERROR.lockedPrefix}${lockedUntil.toISOString()}`;
}

/** The lock's end carried by an error string, or null for any other error. */
export function decodeLockedError(error: string | null | undefined): Date | null {
  if (!error?.startsWith(SIGN_IN_ERROR.lockedPrefix)) return null;
  const lockedUntil = new Date(error.slice(SIGN_IN_ERROR.lockedPrefix.length));
  return Number.isNaN(lockedUntil.getTime()) ? null : lockedUntil;
}
