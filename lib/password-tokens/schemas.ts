import { z } from "zod";
import { passwordProblem } from "@/lib/passwords/password-policy";

/**
 * The set-password and reset-password forms. The user's name and email are checked against
 * the password on the server, which knows whose link it is.
 */
export const setPasswordSchema = z
  .object({
    token: z.string().max(200),
    newPassword: z.string(),
    confirmPassword: z.string(),
  })
  .superRefine(
    (value, ctx) => {
      const password = typeof value.newPassword === "string" ? value.newPassword : "";
      const problem = password ? passwordProblem(password, {}) : "Enter a password.";
      if (problem) ctx.addIssue({ code: "custom", path: ["newPassword"], message: problem });
      if (password && value.newPassword !== value.confirmPassword) {
        ctx.addIssue({
          code: "custom",
          path: ["confirmPassword"],
          message: "The passwords do not match.",
        });
      }
    },
    { when: () => true },
  );
export type SetPasswordInput = z.output<typeof setPasswordSchema>;

/** "Forgot password?": the user name or email of the account. */
export const forgotPasswordSchema = z.object({
  login: z
    .string()
    .trim()
    .min(1, "Enter your user name or email.")
    .max(254, "User name or email must be at most 254 characters."),
});
export type ForgotPasswordInput = z.output<typeof forgotPasswordSchema>;
