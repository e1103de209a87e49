import type { ActivityDetails, ActivityKind } from "@/db/schema/activity";

export const activityKindLabels: Record<ActivityKind, string> = {
  "user.created": "User created",
  "user.updated": "User updated",
  "user.inactivated": "User inactivated",
  "user.reactivated": "User reactivated",
  "user.deleted": "User deleted",
  "user.signed_in": "Signed in",
  "user.sign_in_failed": "Sign-in failed",
  "licence.accepted": "Licence accepted",
  "licence.published": "Licence published",
  "account.created": "Organization created",
};

const fieldLabels: Record<string, string> = {
  userName: "User Name",
  firstName: "First Name",
  lastName: "Last Name",
  alias: "Alias",
  title: "Title",
  email: "Email",
  fromEmails: "Available From Email",
  phone: "Phone",
  extension: "Extension",
  address: "Address",
  color: "Color",
  clickToDial: "Click To Dial",
  role: "Role",
};

function show(value: unknown): string {
  if (Array.isArray(value)) return value.join(", ") || "(empty)";
  if (value === "" || value == null) return "(empty)";
  return String(value);
}

/** One readable line per change, for the activity table. */
export function describeDetails(details: ActivityDetails): string[] {
  const lines = (details.changes ?? []).map(
    (change) =>
      `${fieldLabels[change.field] ?? change.field}: ${show(change.before)} → ${show(change.after)}`,
  );
  if (details.passwordChanged) lines.push("Password changed");
  if (typeof details.reason === "string") lines.push(`Reason: ${details.reason}`);
  if (typeof details.version === "number") lines.push(`Version ${details.version}`);
  if (typeof details.summary === "string") lines.push(details.summary);
  return lines;
}
