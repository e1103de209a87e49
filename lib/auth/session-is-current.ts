/**
 * A session ends when its user is inactive, when it was signed out, or when the
 * user's session version moved on (password, role change, inactivation).
 */
export function sessionIsCurrent(
  user: { active: boolean; sessionVersion: number; sessionEnded: boolean },
  session: { sessionVersion?: number; sessionId?: string },
): boolean {
  return (
    user.active &&
    !user.sessionEnded &&
    Boolean(session.sessionId) &&
    user.sessionVersion === session.sessionVersion
  );
}
