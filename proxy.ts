import { type NextRequest, NextResponse } from "next/server";

// Tells server components which path was requested, so a sign-in or licence
// redirect can send the user back to it. Authorization happens in lib/, not here.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-pathname", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/).*)"],
};
