// GET|POST /api/auth/*: Auth.js endpoints (session, CSRF, sign-out); anyone.
import { handlers } from "@/lib/auth/next-auth";

export const { GET, POST } = handlers;
