// HTTP security headers for every response (next.config.ts). Pure, so a test can read them.

/**
 * Content-Security-Policy: only this origin. Next's hydration uses inline scripts, so scripts need
 * 'unsafe-inline' (nonces would force every page to be rendered per request, giving up the cached
 * public pages); 'unsafe-eval' only in development, where React's tooling needs it.
 */
export function contentSecurityPolicy(isDevelopment: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${isDevelopment ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${isDevelopment ? " ws: wss:" : ""}`,
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

export function securityHeaders(isDevelopment: boolean): { key: string; value: string }[] {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(isDevelopment) },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
    // Browsers ignore it over plain HTTP; over HTTPS it keeps them there.
    { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" },
  ];
}

/**
 * Evidence files served for viewing inside the appraisal page (PDF in a frame, images): nothing
 * but the file itself may load, and only this site may frame it. Kept apart from the site-wide
 * policy, whose frame-ancestors 'none' would block the frame (two policies both apply).
 */
export function evidenceHeaders(): { key: string; value: string }[] {
  return [
    { key: "Content-Security-Policy", value: "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; object-src 'self'; frame-ancestors 'self'; form-action 'none'; base-uri 'none'" },
    { key: "X-Frame-Options", value: "SAMEORIGIN" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" },
  ];
}

/** Where evidence files are served; every other path gets the site-wide headers. */
export const EVIDENCE_PATH_PREFIX = "/api/evidence/";
