export type SignInRefusal = "invalid" | "locked" | "address_blocked";

/** What the sign-in form says for each refusal: the same words whether or not the user exists. */
export function signInMessage(reason: SignInRefusal, retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  switch (reason) {
    case "locked":
      return `Too many failed attempts. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`;
    case "address_blocked":
      return "Too many failed sign-ins from your network. Try again later.";
    default:
      return "The user name or password is incorrect.";
  }
}
