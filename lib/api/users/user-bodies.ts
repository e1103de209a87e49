import { z } from "zod";
import { InvalidError } from "@/lib/errors";
import { passwordProblem } from "@/lib/passwords/password-policy";
import {
  type CreateUserInput,
  createUserSchema,
  type UpdateUserInput,
  userListSorts,
} from "@/lib/users/schemas";
import type { UserRecord } from "@/lib/users/user-record";
import { cursorParam, limitParam } from "../paging";

// The User Details form's own field schemas: the API validates exactly as the form does.
const form = createUserSchema.shape;

// The form takes Available From Email as text (one per line or comma); JSON may send a list.
const fromEmails = z
  .union([
    z
      .array(z.string().max(254))
      .max(50)
      .transform((list) => list.join("\n")),
    z.string(),
  ])
  .optional()
  .pipe(form.fromEmails);

const editableFields = {
  userName: form.userName,
  firstName: form.firstName,
  lastName: form.lastName,
  alias: form.alias,
  title: form.title,
  email: form.email,
  fromEmails,
  phone: form.phone,
  extension: form.extension,
  address: form.address,
  color: form.color,
  clickToDial: form.clickToDial,
  role: z.enum(["user", "administrator"], { error: "role must be user or administrator." }),
  active: z.boolean(),
  password: z.string().max(1024).meta({ description: "Write-only." }),
  groupIds: z.array(z.string()).max(1000).meta({ description: "Replaces the user's groups." }),
};

function checkPassword(
  password: string | undefined,
  user: { userName?: string; email?: string },
): string | undefined {
  return password ? passwordProblem(password, user) : undefined;
}

export const createUserBodySchema = z
  .object({
    ...editableFields,
    role: editableFields.role.default("user"),
    active: z.boolean().default(true),
    password: editableFields.password.optional(),
    groupIds: editableFields.groupIds.optional(),
    sendLoginInstructions: z
      .boolean()
      .default(false)
      .meta({ description: "Email a set-password link; password may then be left out." }),
  })
  .strict()
  .superRefine(
    (value, ctx) => {
      // Runs even when other fields failed (one answer names every problem): read only strings.
      const text = (field: unknown) => (typeof field === "string" ? field : undefined);
      const password = text(value.password);
      const problem = password
        ? checkPassword(password, { userName: text(value.userName), email: text(value.email) })
        : value.sendLoginInstructions === true
          ? undefined
          : "Send a password, or sendLoginInstructions: true.";
      if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
    },
    { when: () => true },
  )
  .meta({ id: "NewUser" });

export function createUserInput(body: z.output<typeof createUserBodySchema>): CreateUserInput {
  const { password, ...fields } = body;
  return { ...fields, newPassword: password };
}

export const updateUserBodySchema = z
  .object({
    ...editableFields,
    currentPassword: z
      .string()
      .max(1024)
      .meta({ description: "Needed when changing your own password or email." }),
  })
  .partial()
  .strict()
  .meta({ id: "UserChanges" });

/** A PATCH applied to the stored user: what is not sent stays as it is. */
export function updateUserInput(
  before: UserRecord,
  changes: z.output<typeof updateUserBodySchema>,
): UpdateUserInput {
  const { password, ...fields } = changes;
  const merged = {
    userName: before.userName,
    firstName: before.firstName,
    lastName: before.lastName,
    alias: before.alias,
    title: before.title,
    email: before.email,
    fromEmails: before.fromEmails,
    phone: before.phone,
    extension: before.extension,
    address: before.address,
    color: before.color,
    clickToDial: before.clickToDial,
    role: before.role,
    active: before.active,
    ...fields,
  };
  const problem = checkPassword(password, merged);
  if (problem) throw new InvalidError("Check the fields named in errors.", { password: problem });
  return { ...merged, newPassword: password };
}

export const userListQuerySchema = z
  .object({
    limit: limitParam,
    cursor: cursorParam,
    status: z.enum(["active", "inactive"]).default("active"),
    q: z
      .string()
      .trim()
      .max(100)
      .default("")
      .meta({ description: "Name, user name or email contains." }),
    sort: z.enum(userListSorts).default("userName"),
    dir: z.enum(["asc", "desc"]).default("asc"),
  })
  .strict();
