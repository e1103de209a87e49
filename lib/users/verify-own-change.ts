import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { verifyCurrentPassword } from "@/lib/auth/verify-current-password";
import { InvalidError } from "@/lib/errors";

export type VerifyOwnChangeOptions = {
  actor: Actor;
  before: { id: string; email: string };
  email: string;
  newPassword?: string;
  currentPassword?: string;
};

/**
 * Changing one's own password or email needs the current password: a session left
 * open on a shared screen must not be enough to take the account over (the email is
 * where password resets go). Runs before any transaction: argon2 holds no connection.
 */
export async function verifyOwnChange({
  actor,
  before,
  email,
  newPassword,
  currentPassword,
}: VerifyOwnChangeOptions): Promise<void> {
  if (before.id !== actor.id) return;
  const emailChanged = email.toLowerCase() !== before.email.toLowerCase();
  if (!newPassword && !emailChanged) return;
  if (!currentPassword) {
    throw new InvalidError("Check the highlighted fields.", {
      currentPassword: `Enter your current password to change your ${
        newPassword ? (emailChanged ? "password and email" : "password") : "email"
      }.`,
    });
  }
  await verifyCurrentPassword({
    userId: actor.id,
    password: currentPassword,
    clientAddress: actor.clientAddress,
  });
}
