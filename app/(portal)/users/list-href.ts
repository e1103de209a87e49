import type { UserListQuery } from "@/lib/users/schemas";

/** The User List's state lives in the URL: this builds links that keep it (defaults omitted). */
export function listQueryString(
  query: Partial<UserListQuery>,
  overrides: Partial<UserListQuery> = {},
): string {
  const merged = { ...query, ...overrides };
  const params = new URLSearchParams();
  if (merged.status === "inactive") params.set("status", "inactive");
  if (merged.q) params.set("q", merged.q);
  if (merged.sort && merged.sort !== "userName") params.set("sort", merged.sort);
  if (merged.dir === "desc") params.set("dir", "desc");
  if (merged.after) params.set("after", merged.after);
  if (merged.before) params.set("before", merged.before);
  if (merged.at) params.set("at", merged.at);
  if (merged.page && merged.page > 1) params.set("page", String(merged.page));
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The list's view (status, search, sort) without its position: for links to page one. */
export function listView(query: Partial<UserListQuery>): Partial<UserListQuery> {
  return { status: query.status, q: query.q, sort: query.sort, dir: query.dir };
}

/** The list state a form sent back as returnTo: only a query string the User List produced. */
export function returnToOf(formData: FormData): string {
  const returnTo = String(formData.get("returnTo") ?? "");
  return /^\?[\w=&%.+-]*$/.test(returnTo) ? returnTo : "";
}
