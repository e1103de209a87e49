import { z } from "zod";
import type { UserListRow } from "@/lib/users/list-users";
import type { UserRecord } from "@/lib/users/user-record";

const role = z.enum(["user", "administrator"]);

/** A user as the REST API shows it (GET /users/{id}, and the answer to POST and PATCH). */
export const userResourceSchema = z
  .object({
    id: z.uuid(),
    userName: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    alias: z.string(),
    title: z.string(),
    email: z.string(),
    fromEmails: z.array(z.string()),
    phone: z.string().meta({ description: "E.164, or empty." }),
    extension: z.string(),
    address: z.string(),
    color: z.string(),
    clickToDial: z.string(),
    active: z.boolean(),
    role,
    emailUndeliverable: z.boolean(),
    emailUndeliverableReason: z.string(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "User" });

export type UserResource = z.infer<typeof userResourceSchema>;

export function toUserResource(user: UserRecord): UserResource {
  return {
    id: user.id,
    userName: user.userName,
    firstName: user.firstName,
    lastName: user.lastName,
    alias: user.alias,
    title: user.title,
    email: user.email,
    fromEmails: user.fromEmails,
    phone: user.phone,
    extension: user.extension,
    address: user.address,
    color: user.color,
    clickToDial: user.clickToDial,
    active: user.active,
    role: user.role,
    emailUndeliverable: user.emailUndeliverableAt !== null,
    emailUndeliverableReason: user.emailUndeliverableReason,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

/** A row of GET /users: enough to list and find people; the user's URL has the rest. */
export const userSummarySchema = z
  .object({
    id: z.uuid(),
    userName: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    email: z.string(),
    color: z.string(),
    role,
    emailUndeliverable: z.boolean(),
  })
  .meta({ id: "UserSummary" });

export function toUserSummary(row: UserListRow): z.infer<typeof userSummarySchema> {
  return {
    id: row.id,
    userName: row.userName,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    color: row.color,
    role: row.role,
    emailUndeliverable: row.emailUndeliverable,
  };
}
