import type { UserRole } from "@/db/schema/users";
import { env } from "@/lib/env";

export type SessionLimits = {
  maxAgeMs: number;
  idleMs: Record<UserRole, number>;
};

export const sessionLimits: SessionLimits = {
  maxAgeMs: env.SESSION_MAX_AGE_HOURS * 3_600_000,
  idleMs: {
    administrator: env.SESSION_IDLE_MINUTES_ADMINISTRATOR * 60_000,
    user: env.SESSION_IDLE_MINUTES_USER * 60_000,
  },
};

/** What the database says about one session and its user, at the time of a request. */
export type SessionFacts = {
  active: boolean;
  role: UserRole;
  sessionVersion: number;
  session: { createdAt: Date; lastSeenAt: Date; endedAt: Date | null } | null;
};

export type SessionVerdict = "current" | "ended" | "expired" | "idle";

/**
 * A session is current while its row exists and was not ended, its user is active
 * with the same session version (password, role, inactivation bump it), it is younger
 * than the absolute lifetime and was used within the idle timeout of the user's role.
 */
export function judgeSession(
  facts: SessionFacts,
  tokenVersion: number | undefined,
  now: Date,
  limits: SessionLimits = sessionLimits,
): SessionVerdict {
  const { session } = facts;
  if (!session || session.endedAt || !facts.active || facts.sessionVersion !== tokenVersion) {
    return "ended";
  }
  if (now.getTime() - session.createdAt.getTime() >= limits.maxAgeMs) return "expired";
  if (now.getTime() - session.lastSeenAt.getTime() >= limits.idleMs[facts.role]) return "idle";
  return "current";
}
