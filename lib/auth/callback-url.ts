/** A same-site path to return to after sign-in; anything else (other sites, "//host") goes to the workspace. */
export function safeCallbackPath(value: string | string[] | undefined | null, fallback = "/lam-viec"): string {
  const path = Array.isArray(value) ? value[0] : value;
  if (!path || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return fallback;
  return path;
}
