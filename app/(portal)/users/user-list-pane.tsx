import Link from "next/link";
import { ButtonLink } from "@/components/button";
import { ColorDot } from "@/components/color-dot";
import { EmptyState, Table, TD, TH, THead, TR } from "@/components/data-table";
import { inputClasses } from "@/components/field";
import { LinkButton } from "@/components/link-button";
import { Pane } from "@/components/pane";
import type { Actor } from "@/lib/auth/actor";
import { mayChangeUser } from "@/lib/auth/permissions";
import type { UserListPage } from "@/lib/users/list-users";
import type { UserListQuery } from "@/lib/users/schemas";
import { DeleteUserButton } from "./delete-user-button";
import { listQueryString } from "./list-href";

type Props = {
  page: UserListPage;
  query: UserListQuery;
  selectedId?: string;
  canCreate: boolean;
  canEdit: boolean;
  canDelete: boolean;
  actor: Actor;
};

export function UserListPane({
  page,
  query,
  selectedId,
  canCreate,
  canEdit,
  canDelete,
  actor,
}: Props) {
  const inactive = query.status === "inactive";
  const keep = listQueryString(query);
  const stateOnly = { status: query.status, q: query.q };
  return (
    <Pane
      title={inactive ? "User List: Inactive Users" : "User List"}
      actions={
        canCreate ? (
          <LinkButton href={`/users/new${keep}`} size="sm">
            Add New
          </LinkButton>
        ) : null
      }
      footer={
        <div className="flex flex-wrap items-center justify-between gap-2">
          <Link
            href={`/users${listQueryString({ q: query.q, status: inactive ? "active" : "inactive" })}`}
            className="font-medium text-accent-700 underline-offset-2 hover:underline"
          >
            {inactive ? "Active Users" : "Inactive Users"}
          </Link>
          <nav aria-label="Pages" className="flex gap-2">
            {page.previousBefore ? (
              <ButtonLink
                variant="secondary"
                size="sm"
                href={`/users${listQueryString(stateOnly, { before: page.previousBefore })}`}
              >
                Previous
              </ButtonLink>
            ) : null}
            {page.nextAfter ? (
              <ButtonLink
                variant="secondary"
                size="sm"
                href={`/users${listQueryString(stateOnly, { after: page.nextAfter })}`}
              >
                Next
              </ButtonLink>
            ) : null}
          </nav>
        </div>
      }
    >
      <search>
        <form
          action="/users"
          method="get"
          className="flex gap-2 border-b border-neutral-200 px-4 py-3"
        >
          {inactive ? <input type="hidden" name="status" value="inactive" /> : null}
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
            <Link href={`/users${listQueryString({ status: query.status })}`}>
              Clear the search
            </Link>
          ) : canCreate && !inactive ? (
            <Link href="/users/new">Add the first user</Link>
          ) : null}
        </EmptyState>
      ) : (
        <Table caption={inactive ? "Inactive users" : "Active users"} className="max-h-[65vh]">
          <THead>
            <tr>
              <TH>User Name</TH>
              <TH>First Name</TH>
              <TH>Last Name</TH>
              <TH>Email</TH>
              <TH>
                <span className="sr-only">Actions</span>
              </TH>
            </tr>
          </THead>
          <tbody>
            {page.rows.map((user) => (
              <TR key={user.id} selected={user.id === selectedId}>
                <TD>
                  <Link
                    href={`/users/${user.id}${keep}`}
                    className="flex items-center gap-2 font-medium text-neutral-900 hover:text-accent-700 hover:underline"
                  >
                    <ColorDot color={user.color} />
                    {user.userName}
                  </Link>
                </TD>
                <TD>{user.firstName}</TD>
                <TD>{user.lastName}</TD>
                <TD className="max-w-48 truncate">{user.email}</TD>
                <TD className="whitespace-nowrap text-right">
                  <span className="inline-flex items-center gap-1">
                    {canEdit && mayChangeUser(actor, user) ? (
                      <LinkButton
                        href={`/users/${user.id}${keep}`}
                        variant="secondary"
                        size="sm"
                        aria-label={`Edit ${user.userName}`}
                      >
                        Edit
                      </LinkButton>
                    ) : null}
                    {canDelete && user.id !== actor.id && mayChangeUser(actor, user) ? (
                      <DeleteUserButton
                        userId={user.id}
                        userName={user.userName}
                        returnTo={keep}
                        iconOnly
                      />
                    ) : null}
                  </span>
                </TD>
              </TR>
            ))}
          </tbody>
        </Table>
      )}
    </Pane>
  );
}
