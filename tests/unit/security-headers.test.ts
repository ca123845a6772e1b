import { describe, expect, it } from "vitest";

import { contentSecurityPolicy, evidenceHeaders, securityHeaders } from "@/lib/security-headers";

describe("security headers", () => {
  it("forbid eval, framing and other origins in production", () => {
    const policy = contentSecurityPolicy(false);
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("default-src 'self'");
    const headers = Object.fromEntries(securityHeaders(false).map((header) => [header.key, header.value]));
    expect(headers["X-Frame-Options"]).toBe("DENY");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
  });

  it("let evidence files be framed by this site only, with nothing else allowed to load", () => {
    const headers = Object.fromEntries(evidenceHeaders().map((header) => [header.key, header.value]));
    expect(headers["Content-Security-Policy"]).toContain("frame-ancestors 'self'");
    expect(headers["Content-Security-Policy"]).toContain("default-src 'none'");
    expect(headers["Content-Security-Policy"]).not.toContain("script-src");
    expect(headers["X-Frame-Options"]).toBe("SAMEORIGIN");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
  });

  it("allow eval only in development", () => {
    expect(contentSecurityPolicy(true)).toContain("'unsafe-eval'");
  });
});
