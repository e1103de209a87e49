import { CredentialsSignin } from "next-auth";

/** Carries authenticate()'s refusal out of the Credentials provider. */
export class SignInRefused extends CredentialsSignin {
  constructor(
    readonly reason: "invalid" | "locked" | "address_blocked",
    readonly retryAfterSeconds = 0,
  ) {
    super(reason);
    this.code = reason;
  }
}

export function signInMessage(reason: SignInRefused["reason"], retryAfterSeconds: number): string {
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
