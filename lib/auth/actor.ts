import type { UserRole } from "@/db/schema";
import type { PermissionSubject } from "./resolve-permission";

/**
 * The signed-in user a service acts for: who they are, what they may do (loaded
 * once per request) and the request facts activity rows need.
 */
export type Actor = PermissionSubject & {
  id: string;
  accountId: string;
  role: UserRole;
  userName: string;
  clientAddress: string;
  /** The API token the request came with (REST API); activity rows name it. */
  apiToken?: { id: string; name: string };
};
