import "server-only";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authSecret } from "./auth-secret";
import { authenticate } from "./authenticate";
import { clientAddressFrom } from "./client-address";
import { loadSessionUser } from "./load-session-user";
import { judgeSession, sessionLimits } from "./session-policy";
import { sessionTokenClaims } from "./session-token";
import { SignInRefused } from "./sign-in-error";
import { startSession } from "./start-session";

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
    /** The sessions row this sign-in created; the token carries it as `sid`. */
    sessionId?: string;
  }
}

export const { handlers, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  // The cookie never outlives the absolute lifetime; the sessions row decides the rest.
  session: { strategy: "jwt", maxAge: sessionLimits.maxAgeMs / 1000 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    Credentials({
      credentials: { login: {}, password: {} },
      async authorize(credentials, request) {
        const clientAddress = clientAddressFrom(request.headers);
        const result = await authenticate({
          login: String(credentials.login ?? ""),
          password: String(credentials.password ?? ""),
          clientAddress,
        });
        if (!result.ok) {
          throw new SignInRefused(
            result.reason,
            "retryAfterSeconds" in result ? result.retryAfterSeconds : 0,
          );
        }
        const sessionId = await startSession({ userId: result.user.id, clientAddress });
        return { id: result.user.id, sessionVersion: result.user.sessionVersion, sessionId };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = user.sessionVersion;
        token.sid = user.sessionId;
        return token;
      }
      // The session endpoint re-issues the cookie: only for a session the database
      // still holds current. Null makes Auth.js delete the cookie.
      const claims = sessionTokenClaims(token);
      const facts = claims && (await loadSessionUser(claims.userId, claims.sessionId));
      if (
        !claims ||
        !facts ||
        judgeSession(facts, claims.sessionVersion, new Date()) !== "current"
      ) {
        return null;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub ?? "";
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
