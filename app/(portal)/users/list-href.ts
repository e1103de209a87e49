import type { UserListQuery } from "@/lib/users/schemas";

/** The User List's state lives in the URL: this builds links that keep it. */
export function listQueryString(
  query: Partial<UserListQuery>,
  overrides: Partial<UserListQuery> = {},
): string {
  const merged = { ...query, ...overrides };
  const params = new URLSearchParams();
  if (merged.status === "inactive") params.set("status", "inactive");
  if (merged.q) params.set("q", merged.q);
  if (merged.after) params.set("after", merged.after);
  if (merged.before) params.set("before", merged.before);
  const text = params.toString();
  return text ? `?${text}` : "";
}
