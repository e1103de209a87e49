export type SignInRefusal = "invalid" | "locked" | "address_blocked";

/** What the sign-in form says for each refusal: the same words whether or not the user exists. */
export function signInMessage(reason: SignInRefusal, retryAfterSeconds: number): string {
  switch (reason) {
    case "locked":
      return `Too many failed attempts. Wait ${waitText(retryAfterSeconds)} and try again.`;
    case "address_blocked":
      return "Too many failed sign-ins from your network. Try again later.";
    default:
      return "The user name or password is incorrect.";
  }
}

// A slow-down lasts seconds and a lock minutes; an unknown wait (0) reads as a minute.
function waitText(retryAfterSeconds: number): string {
  const seconds = Math.ceil(retryAfterSeconds);
  if (seconds > 0 && seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
