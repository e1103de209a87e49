import { z } from "zod";
import { passwordProblem } from "@/lib/passwords/password-policy";
import { userNameProblem } from "@/lib/users/fields/user-name";

export const setupSchema = z
  .object({
    organizationName: z
      .string()
      .trim()
      .min(2, "Enter your organization's name.")
      .max(120, "Use at most 120 characters."),
    userName: z
      .string()
      .trim()
      .superRefine((value, ctx) => {
        const problem = userNameProblem(value);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
    email: z.string().trim().pipe(z.email("Enter a valid email address.")),
    password: z.string(),
  })
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value.password, {
      userName: value.userName,
      email: value.email,
    });
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });
export type SetupInput = z.output<typeof setupSchema>;
