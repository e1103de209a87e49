import "server-only";
import { users } from "@/db/schema";

// Every column a screen may show. The password hash never leaves lib/.
export const userColumns = {
  id: users.id,
  accountId: users.accountId,
  userName: users.userName,
  firstName: users.firstName,
  lastName: users.lastName,
  alias: users.alias,
  title: users.title,
  email: users.email,
  fromEmails: users.fromEmails,
  phone: users.phone,
  extension: users.extension,
  address: users.address,
  color: users.color,
  clickToDial: users.clickToDial,
  active: users.active,
  role: users.role,
  // Set when the provider reported a bounce or complaint (lib/email); cleared by a new address.
  emailUndeliverableAt: users.emailUndeliverableAt,
  emailUndeliverableReason: users.emailUndeliverableReason,
  // An identity provider's id for the user (SCIM); null for users made in the portal.
  externalId: users.externalId,
  scimUserName: users.scimUserName,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};

type Column = (typeof userColumns)[keyof typeof userColumns];
type ValueOf<C extends Column> = C["_"]["notNull"] extends true
  ? C["_"]["data"]
  : C["_"]["data"] | null;

export type UserRecord = {
  [K in keyof typeof userColumns]: ValueOf<(typeof userColumns)[K]>;
};
