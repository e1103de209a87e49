import { ButtonLink } from "@/components/button";
import type { UserCounts } from "@/lib/users/count-users";
import { type UserListPage, userPageSize } from "@/lib/users/list-users";
import type { UserListQuery } from "@/lib/users/schemas";
import { listQueryString, listView } from "./list-href";
import { formatCount } from "./status-tabs";

/**
 * Where the list is ("Page 3 of 1,202 · 60,062 active users") and the way on. Keyset
 * pages have no number of their own, so the links carry it along with the cursor.
 */
export function ListPaging({
  page,
  counts,
  query,
}: {
  page: UserListPage;
  counts: UserCounts;
  query: UserListQuery;
}) {
  const view = listView(query);
  const total = query.status === "active" ? counts.active : counts.inactive;
  const pages = Math.max(1, Math.ceil(total / userPageSize));
  const number = query.at ? undefined : (query.page ?? 1);
  const noun = `${query.status} user${total === 1 ? "" : "s"}${query.q ? " found" : ""}`;
  return (
    <div className="flex flex-wrap items-center justify-between gap-2">
      <p className="tabular-nums">
        {number
          ? `Page ${Math.min(number, pages).toLocaleString("en-US")} of ${pages.toLocaleString("en-US")} · `
          : ""}
        {formatCount(total, counts.capped)} {noun}
      </p>
      <nav aria-label="Pages" className="flex gap-2">
        {page.previousBefore && number !== undefined && number > 2 ? (
          <ButtonLink variant="secondary" size="sm" href={`/users${listQueryString(view)}`}>
            First
          </ButtonLink>
        ) : null}
        {page.previousBefore ? (
          <ButtonLink
            variant="secondary"
            size="sm"
            href={`/users${listQueryString(view, {
              before: page.previousBefore,
              page: number ? number - 1 : undefined,
            })}`}
          >
            Previous
          </ButtonLink>
        ) : null}
        {page.nextAfter ? (
          <ButtonLink
            variant="secondary"
            size="sm"
            href={`/users${listQueryString(view, {
              after: page.nextAfter,
              page: number ? number + 1 : undefined,
            })}`}
          >
            Next
          </ButtonLink>
        ) : null}
      </nav>
    </div>
  );
}
