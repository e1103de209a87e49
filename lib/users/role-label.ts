import type { UserRole } from "@/db/schema";

/** A role as the portal names it to people. */
export function roleLabel(role: UserRole): string {
  return role === "administrator" ? "Administrator" : "User";
}
