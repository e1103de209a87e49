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
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};

export type UserRecord = {
  [K in keyof typeof userColumns]: (typeof userColumns)[K]["_"]["data"];
};
