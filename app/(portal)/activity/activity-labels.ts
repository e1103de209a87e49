import type { ActivityDetails, ActivityKind } from "@/lib/activity/schemas";
import { isPermissionKey, permissionLabel } from "@/lib/auth/modules";

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
  "instance.created": "Instance created",
  "instance.updated": "Instance updated",
  "instance.deleted": "Instance deleted",
  "instance.rebuild_requested": "Rebuild requested",
  "instance.rebuilt": "Instance rebuilt",
  "instance.rebuild_failed": "Rebuild failed",
  "feature.created": "Feature created",
  "feature.updated": "Feature updated",
  "feature.deleted": "Feature deleted",
  "template.created": "Template created",
  "template.updated": "Template updated",
  "template.deleted": "Template deleted",
  "seat.created": "Seat created",
  "seat.updated": "Seat updated",
  "seat.deleted": "Seat deleted",
  "api_token.created": "API token created",
  "api_token.revoked": "API token revoked",
  "webhook_endpoint.created": "Webhook endpoint created",
  "webhook_endpoint.updated": "Webhook endpoint updated",
  "webhook_endpoint.deleted": "Webhook endpoint deleted",
  "webhook_endpoint.disabled": "Webhook endpoint disabled",
  "organization.updated": "Organization updated",
  "subscription.changed": "Plan or resources changed",
  "invoice.issued": "Invoice issued",
  "invoice.voided": "Invoice voided",
  "invoice.paid": "Invoice paid",
  "payment.succeeded": "Card payment",
  "payment.declined": "Card payment declined",
  "payment.recorded": "Manual payment recorded",
  "credit.applied": "Account credit applied",
  "payment_method.added": "Card added",
  "payment_method.removed": "Card removed",
  "payment_method.default_changed": "Default card changed",
};

// The forms' words for the fields a user row records (lib/users/user-changes.ts), a group's
// and the organization's (lib/organization).
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
  active: "Active",
  name: "Name",
  description: "Description",
  emailUndeliverable: "Email undeliverable",
  region: "Region",
  notes: "Notes",
  url: "URL",
  eventTypes: "Event types",
  enabled: "Enabled",
  contactEmail: "Contact email",
  billingEmail: "Billing email",
  timeZone: "Time zone",
  taxRate: "Tax rate",
  logo: "Logo",
};

const roleLabels: Record<string, string> = { user: "User", administrator: "Administrator" };
const overrideLabels: Record<string, string> = { inherit: "Inherit", allow: "Allow", deny: "Deny" };

/** One value as people read it; the redacted Click To Dial template says so. */
function show(field: string, value: unknown): string {
  if (Array.isArray(value)) return value.join(", ") || "(empty)";
  if (value === "" || value == null) return "(empty)";
  if (field === "role") return roleLabels[String(value)] ?? String(value);
  if (field === "clickToDial" && value === "[redacted]") return "(set, not shown)";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  return String(value);
}

const label = (field: string) => fieldLabels[field] ?? field;

function permissionWords(key: unknown): string {
  return typeof key === "string" && isPermissionKey(key) ? permissionLabel(key) : String(key);
}

function permissionList(keys: unknown): string | undefined {
  return Array.isArray(keys) && keys.length > 0 ? keys.map(permissionWords).join(", ") : undefined;
}

/**
 * A user's fields as they were created (or deleted): the filled ones, in the form's order
 * (jsonb keeps its keys in an order of its own).
 */
function snapshotLines(user: unknown): string[] {
  if (typeof user !== "object" || user === null) return [];
  const fields = user as Record<string, unknown>;
  const known = Object.keys(fieldLabels).filter((field) => field in fields);
  const others = Object.keys(fields).filter((field) => !(field in fieldLabels));
  return [...known, ...others]
    .filter((field) =>
      field === "active" ? fields[field] === false : show(field, fields[field]) !== "(empty)",
    )
    .map((field) => `${label(field)}: ${show(field, fields[field])}`);
}

const nameInUseLabels: Record<string, string> = {
  userName: "User name already in use",
  email: "Email already in use",
};

const nameList = (value: unknown) =>
  Array.isArray(value) && value.length > 0 ? value.map(String).join(", ") : undefined;

/** A seat's rows: where, from which template, and what became of its features. */
function seatLines(kind: ActivityKind, details: ActivityDetails): string[] {
  if (!kind.startsWith("seat.")) return [];
  const lines: string[] = [];
  if (typeof details.instance === "string") lines.push(`Instance: ${details.instance}`);
  if (typeof details.template === "string") {
    lines.push(`Template: ${details.template} version ${String(details.templateVersion ?? "")}`);
  }
  if (typeof details.extension === "string") lines.push(`Extension ${details.extension}`);
  for (const [words, key] of [
    ["Features", "features"],
    ["Added", "added"],
    ["Released", "released"],
    ["Kept as spares", "keptAsSpares"],
  ] as const) {
    const names = nameList(details[key]);
    if (names) lines.push(`${words}: ${names}`);
  }
  return lines;
}

/** A token's scopes and expiry as made; who made it when revoked. The token is never here. */
function apiTokenLines(kind: ActivityKind, details: ActivityDetails): string[] {
  if (kind === "api_token.created") {
    const expiresAt = typeof details.expiresAt === "string" ? new Date(details.expiresAt) : null;
    return [
      `Scopes: ${permissionList(details.scopes) ?? "none"}`,
      expiresAt && !Number.isNaN(expiresAt.getTime())
        ? `Expires: ${expiresAt.toISOString().slice(0, 10)} (end of day, UTC)`
        : "Does not expire",
    ];
  }
  if (kind === "api_token.revoked" && typeof details.createdBy === "string") {
    return [`Created by: ${details.createdBy}`];
  }
  return [];
}

/** One readable line per fact of a row, for the activity table. */
export function describeDetails(kind: ActivityKind, details: ActivityDetails): string[] {
  const lines: string[] = [];
  // A group's own rows name it in the Target column already.
  const aboutGroup =
    kind === "group.created" || kind === "group.updated" || kind === "group.deleted";
  if (typeof details.group === "string" && !aboutGroup) lines.push(`Group: ${details.group}`);
  if (typeof details.organization === "string") {
    lines.push(`Organization: ${details.organization}`);
  }
  if (kind === "user.created" || kind === "user.deleted")
    lines.push(...snapshotLines(details.user));
  if (kind === "user.name_in_use_refused" && typeof details.field === "string") {
    const what = nameInUseLabels[details.field] ?? `${label(details.field)} already in use`;
    lines.push(`${what}: ${show(details.field, details.value)}`);
  }
  for (const change of details.changes ?? []) {
    lines.push(
      `${label(change.field)}: ${show(change.field, change.before)} → ${show(change.field, change.after)}`,
    );
  }
  if (details.passwordChanged) lines.push("Password changed");
  if (typeof details.reason === "string") lines.push(`Reason: ${details.reason}`);
  if (typeof details.version === "number") lines.push(`Version ${details.version}`);
  if (typeof details.summary === "string") lines.push(details.summary);
  lines.push(...seatLines(kind, details));
  lines.push(...apiTokenLines(kind, details));
  const grants = permissionList(details.permissions);
  if (kind === "group.created") lines.push(grants ? `Grants: ${grants}` : "Grants nothing yet");
  for (const [words, key] of [
    ["Granted", "added"],
    ["Revoked", "removed"],
  ] as const) {
    const keys = permissionList(details[key]);
    if (keys) lines.push(`${words}: ${keys}`);
  }
  const overrides = details.overrides;
  if (Array.isArray(overrides)) {
    for (const change of overrides as { key: string; before: string; after: string }[]) {
      const before = overrideLabels[change.before] ?? change.before;
      const after = overrideLabels[change.after] ?? change.after;
      lines.push(`${permissionWords(change.key)} — ${before} → ${after}`);
    }
  }
  return lines;
}
