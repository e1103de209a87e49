import Link from "next/link";
import { ColorMarkerLegend } from "@/components/color-dot";
import { EmptyState, Table, THead } from "@/components/data-table";
import { inputClasses } from "@/components/field";
import { LinkButton } from "@/components/link-button";
import { Pane } from "@/components/pane";
import type { Actor } from "@/lib/auth/actor";
import { mayChangeUser } from "@/lib/auth/permissions";
import type { UserCounts } from "@/lib/users/count-users";
import type { UserListPage } from "@/lib/users/list-users";
import type { UserListQuery } from "@/lib/users/schemas";
import { TrashIconSymbol } from "./delete-user-link";
import { listQueryString, listView } from "./list-href";
import { ListPaging } from "./list-paging";
import { SortHeader } from "./sort-header";
import { StatusTabs } from "./status-tabs";
import { UserRows } from "./user-rows";

type Props = {
  page: UserListPage;
  counts: UserCounts;
  query: UserListQuery;
  selectedId?: string;
  canCreate: boolean;
  canDelete: boolean;
  actor: Actor;
};

export function UserListPane({
  page,
  counts,
  query,
  selectedId,
  canCreate,
  canDelete,
  actor,
}: Props) {
  const inactive = query.status === "inactive";
  const keep = listQueryString(query);
  return (
    <Pane
      title="User List"
      actions={
        canCreate ? (
          <LinkButton href={`/users/new${keep}`} size="sm">
            Add New
          </LinkButton>
        ) : null
      }
      footer={<ListPaging page={page} counts={counts} query={query} />}
    >
      <StatusTabs query={query} counts={counts} />
      <search>
        <form
          action="/users"
          method="get"
          className="flex gap-2 border-b border-neutral-200 px-4 py-3"
        >
          {inactive ? <input type="hidden" name="status" value="inactive" /> : null}
          {query.sort !== "userName" ? (
            <input type="hidden" name="sort" value={query.sort} />
          ) : null}
          {query.dir === "desc" ? <input type="hidden" name="dir" value="desc" /> : null}
          <label htmlFor="user-search" className="sr-only">
            Search users
          </label>
          <input
            id="user-search"
            name="q"
            type="search"
            defaultValue={query.q}
            placeholder="Search name, user name or email"
            className={inputClasses}
          />
          <button
            type="submit"
            className="rounded-md border border-neutral-300 bg-white px-3 text-sm font-medium text-neutral-800 hover:bg-neutral-50"
          >
            Search
          </button>
        </form>
      </search>
      {page.rows.length === 0 ? (
        <EmptyState
          title={
            query.q ? "No users match your search" : inactive ? "No inactive users" : "No users yet"
          }
        >
          {query.q ? (
            <Link href={`/users${listQueryString({ ...listView(query), q: "" })}`}>
              Clear the search
            </Link>
          ) : canCreate && !inactive ? (
            <Link href="/users/new">Add the first user</Link>
          ) : null}
        </EmptyState>
      ) : (
        <Table
          caption={`${inactive ? "Inactive" : "Active"} users, sorted by ${sortLabel(query)}`}
          className="user-list max-h-[65vh]"
          data-user-list=""
        >
          <THead>
            <tr>
              <SortHeader column="userName" label="User Name" query={query} />
              <SortHeader column="firstName" label="First Name" query={query} />
              <SortHeader column="lastName" label="Last Name" query={query} />
              <SortHeader column="email" label="Email" query={query} />
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </THead>
          <UserRows
            rows={page.rows.map((user) => [
              user.id,
              user.userName,
              user.firstName,
              user.lastName,
              user.email,
              user.color,
              canDelete && user.id !== actor.id && mayChangeUser(actor, user),
              user.emailUndeliverable,
            ])}
            returnTo={keep}
            selectedId={selectedId}
          />
        </Table>
      )}
      {page.rows.length > 0 ? <ColorMarkerLegend className="px-4 py-2" /> : null}
      <TrashIconSymbol />
    </Pane>
  );
}

const sortLabels = {
  userName: "user name",
  firstName: "first name",
  lastName: "last name",
  email: "email",
} as const;

function sortLabel(query: UserListQuery): string {
  return `${sortLabels[query.sort]}, ${query.dir === "desc" ? "Z to A" : "A to Z"}`;
}
