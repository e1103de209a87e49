import "server-only";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { authSecret } from "./auth-secret";
import { authenticate } from "./authenticate";
import { clientAddressFrom } from "./client-address";
import { SignInRefused } from "./sign-in-error";

declare module "next-auth" {
  interface Session {
    sessionVersion?: number;
    /** This session's own id, so signing out can end exactly this session. */
    sessionId?: string;
  }
  interface User {
    sessionVersion?: number;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: env.SESSION_MAX_AGE_HOURS * 3600 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    Credentials({
      credentials: { login: {}, password: {} },
      async authorize(credentials, request) {
        const result = await authenticate({
          login: String(credentials.login ?? ""),
          password: String(credentials.password ?? ""),
          clientAddress: clientAddressFrom(request.headers),
        });
        if (!result.ok) {
          throw new SignInRefused(
            result.reason,
            "retryAfterSeconds" in result ? result.retryAfterSeconds : 0,
          );
        }
        return { id: result.user.id, sessionVersion: result.user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = user.sessionVersion;
        token.sid = crypto.randomUUID();
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub ?? "";
      session.sessionVersion = typeof token.sv === "number" ? token.sv : undefined;
      session.sessionId = typeof token.sid === "string" ? token.sid : undefined;
      return session;
    },
  },
  logger: {
    // A refused sign-in is an expected outcome, not a server error.
    error(error) {
      if (error instanceof SignInRefused || error.name === "CredentialsSignin") return;
      console.error(error);
    },
  },
}));
