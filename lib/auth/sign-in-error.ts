import { CredentialsSignin } from "next-auth";
import type { SignInRefusal } from "./sign-in-message";

/** Carries authenticate()'s refusal out of the Credentials provider. */
export class SignInRefused extends CredentialsSignin {
  constructor(
    readonly reason: SignInRefusal,
    readonly retryAfterSeconds = 0,
  ) {
    super(reason);
    this.code = reason;
  }
}
