import { z } from "zod";
import { checkbox, optionalText } from "@/lib/form-values";
import { passwordProblem } from "@/lib/passwords/password-policy";
import { validateClickToDialTemplate } from "./fields/click-to-dial";
import { normalizeColor } from "./fields/color";
import { extensionProblem } from "./fields/extension";
import { parseFromEmails } from "./fields/from-emails";
import { parsePhone } from "./fields/phone";
import { userNameProblem } from "./fields/user-name";

const userName = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const problem = userNameProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

const email = z
  .string()
  .trim()
  .min(1, "Enter an email address.")
  .max(254, "Email must be at most 254 characters.")
  .pipe(z.email("Enter a valid email address."));

const fromEmails = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const parsed = parseFromEmails(value ?? "");
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: parsed.message });
      return z.NEVER;
    }
    return parsed.emails;
  });

const phone = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const parsed = parsePhone(value ?? "");
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: parsed.message });
      return z.NEVER;
    }
    return parsed.e164;
  });

const extension = z
  .string()
  .trim()
  .optional()
  .transform((value) => value ?? "")
  .superRefine((value, ctx) => {
    const problem = extensionProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

const color = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const normalized = normalizeColor(value?.trim() ?? "");
    if (normalized === undefined) {
      ctx.addIssue({ code: "custom", message: "Choose a colour like #3366cc." });
      return z.NEVER;
    }
    return normalized;
  });

const clickToDial = z
  .string()
  .trim()
  .optional()
  .transform((value) => value ?? "")
  .superRefine((value, ctx) => {
    const problem = validateClickToDialTemplate(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/** The fields a user may change about themselves (the profile page). */
export const profileFields = {
  firstName: optionalText(100, "First Name"),
  lastName: optionalText(100, "Last Name"),
  alias: optionalText(100, "Alias"),
  title: optionalText(100, "Title"),
  email,
  fromEmails,
  phone,
  extension,
  address: optionalText(500, "Address"),
  color,
  clickToDial,
};

function checkNewPassword(
  value: { newPassword?: string; userName?: string; email: string },
  ctx: z.RefinementCtx,
  required: boolean,
) {
  // Other fields may have failed their own checks: read only what is a string.
  const text = (field: unknown) => (typeof field === "string" ? field : undefined);
  const password = text(value.newPassword) ?? "";
  if (!password) {
    if (required)
      ctx.addIssue({ code: "custom", path: ["newPassword"], message: "Enter a password." });
    return;
  }
  const problem = passwordProblem(password, {
    userName: text(value.userName),
    email: text(value.email),
  });
  if (problem) ctx.addIssue({ code: "custom", path: ["newPassword"], message: problem });
}

// The password's check needs the other fields, so it is the object's; it runs even when
// other fields are wrong, so one Save reports every problem at once.
const everySave = { when: () => true };

// The User Groups check boxes. A hidden empty value marks the section as shown,
// so "absent" (leave memberships alone) differs from "none ticked".
const groupIds = z.preprocess(
  (value) =>
    value === undefined ? undefined : value === false ? [] : Array.isArray(value) ? value : [value],
  z
    .array(z.string())
    .transform((values) => [...new Set(values.filter((value) => value !== ""))])
    .optional(),
);

// Asked for only when people change their own password or email (the server decides).
const currentPassword = z.string().max(1024).optional();

const userFields = {
  userName,
  currentPassword,
  groupIds,
  newPassword: z.string().optional(),
  ...profileFields,
  active: checkbox,
  role: z.enum(["user", "administrator"], { error: "Choose User or Administrator." }),
};

/**
 * The User Details form for a new user: a password is required unless login instructions
 * are sent (the user then chooses one through the emailed link). An absent box is unticked.
 */
export const createUserSchema = z
  .object({ ...userFields, sendLoginInstructions: checkbox.optional() })
  .superRefine(
    (value, ctx) => checkNewPassword(value, ctx, value.sendLoginInstructions !== true),
    everySave,
  );

/** The User Details form for an existing user: a blank password means unchanged. */
export const updateUserSchema = z
  .object(userFields)
  .superRefine((value, ctx) => checkNewPassword(value, ctx, false), everySave);

export type UserFormValues = z.input<typeof createUserSchema>;
export type CreateUserInput = z.output<typeof createUserSchema>;
export type UpdateUserInput = z.output<typeof updateUserSchema>;

export const profileSchema = z.object({ ...profileFields, currentPassword });
export type ProfileInput = z.output<typeof profileSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password."),
    newPassword: z.string(),
    confirmPassword: z.string(),
  })
  .superRefine((value, ctx) => {
    const problem = passwordProblem(String(value.newPassword ?? ""), {});
    if (problem) ctx.addIssue({ code: "custom", path: ["newPassword"], message: problem });
    if (value.newPassword !== value.confirmPassword) {
      ctx.addIssue({
        code: "custom",
        path: ["confirmPassword"],
        message: "The passwords do not match.",
      });
    }
  }, everySave);
export type ChangePasswordInput = z.output<typeof changePasswordSchema>;

/** The User List's columns that can be sorted, each with its own keyset index. */
export const userListSorts = ["userName", "firstName", "lastName", "email"] as const;
export type UserListSort = (typeof userListSorts)[number];

export const userListQuerySchema = z.object({
  status: z.enum(["active", "inactive"]).catch("active"),
  q: z.string().trim().max(100).catch(""),
  sort: z.enum(userListSorts).catch("userName"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  /** Opaque keyset cursors (lib/users/user-list-cursor.ts): the page after, before or at one. */
  after: z.string().max(500).optional().catch(undefined),
  before: z.string().max(500).optional().catch(undefined),
  at: z.string().max(500).optional().catch(undefined),
  /** The page number, carried along with the cursor for "Page 3 of 40" (display only). */
  page: z.coerce.number().int().min(1).max(1_000_000).optional().catch(undefined),
});
export type UserListQuery = z.output<typeof userListQuerySchema>;

/** "Send Email" on User Details: a message from the acting user to this user. */
export const userEmailSchema = z.object({
  // One of the sender's Available From Email addresses; blank: their default.
  from: z
    .string()
    .trim()
    .max(254, "From must be at most 254 characters.")
    .optional()
    .transform((value) => value ?? ""),
  subject: z
    .string()
    .trim()
    .min(1, "Enter a subject.")
    .max(200, "Subject must be at most 200 characters."),
  body: z
    .string()
    .trim()
    .min(1, "Enter a message.")
    .max(10_000, "Message must be at most 10,000 characters."),
});
export type UserEmailInput = z.output<typeof userEmailSchema>;

/** What an identity provider calls a user (SCIM): kept beside the user, never typed in a form. */
export type ScimIdentity = { externalId?: string | null; scimUserName?: string | null };
