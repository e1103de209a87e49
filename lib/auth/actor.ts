import type { UserRole } from "@/db/schema";

/** The signed-in user a service acts for, with the request facts activity rows need. */
export type Actor = {
  id: string;
  accountId: string;
  role: UserRole;
  userName: string;
  clientAddress: string;
};
