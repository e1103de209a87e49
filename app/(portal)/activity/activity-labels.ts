import type { ActivityDetails, ActivityKind } from "@/db/schema/activity";

export const activityKindLabels: Record<ActivityKind, string> = {
  "user.created": "User created",
  "user.updated": "User updated",
  "user.inactivated": "User inactivated",
  "user.reactivated": "User reactivated",
  "user.deleted": "User deleted",
  "user.signed_in": "Signed in",
  "user.sign_in_failed": "Sign-in failed",
  "user.name_in_use_refused": "User name or email in use",
  "licence.accepted": "Licence accepted",
  "licence.published": "Licence published",
  "account.created": "Organization created",
  "group.created": "Group created",
  "group.updated": "Group updated",
  "group.deleted": "Group deleted",
  "group.member_added": "Added to group",
  "group.member_removed": "Removed from group",
  "permissions.changed": "Permissions changed",
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
  if (typeof details.group === "string") lines.push(`Group: ${details.group}`);
  for (const [label, key] of [
    ["Granted", "added"],
    ["Revoked", "removed"],
  ] as const) {
    const keys = details[key];
    if (Array.isArray(keys) && keys.length > 0) lines.push(`${label}: ${keys.join(", ")}`);
  }
  const overrides = details.overrides;
  if (Array.isArray(overrides)) {
    for (const change of overrides as { key: string; before: string; after: string }[]) {
      lines.push(`${change.key}: ${change.before} → ${change.after}`);
    }
  }
  return lines;
}
