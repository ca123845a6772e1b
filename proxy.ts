import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";

// Convenience only: sends signed-out visitors of the workspace to sign in and back. The real
// checks are in the pages (requireArea) and in every service (the policy) — never here.
export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
  if (token && !token.isRevoked) return NextResponse.next();
  const signIn = new URL("/dang-nhap", request.url);
  signIn.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ["/lam-viec/:path*", "/co-quan/:path*", "/tham-dinh/:path*", "/quan-tri/:path*", "/doi-mat-khau/:path*"],
};
