import type { ReactNode } from "react";
import { MasterDetail } from "@/components/pane";
import { requireActor } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { pageData } from "@/lib/page-guard";
import { countUsers } from "@/lib/users/count-users";
import { listUsers } from "@/lib/users/list-users";
import { userListQuerySchema } from "@/lib/users/schemas";
import { DeleteUserDialog } from "./delete-user-dialog";
import { listQueryString } from "./list-href";
import { SelectedUserInView } from "./selected-user-in-view";
import { UserListPane } from "./user-list-pane";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Loads what every User Manager page shares: the actor, the list state, its page and counts. */
export async function loadUserManager(searchParams: SearchParams) {
  const actor = await requireActor();
  const query = userListQuerySchema.parse(await searchParams);
  const [page, counts] = await pageData(() =>
    Promise.all([listUsers({ actor, query }), countUsers({ actor, q: query.q })]),
  );
  return { actor, query, page, counts, returnTo: listQueryString(query) };
}

type Loaded = Awaited<ReturnType<typeof loadUserManager>>;

/** The two panes: the User List beside whatever detail the route shows. */
export function UserManager({
  loaded,
  selectedId,
  detail,
}: {
  loaded: Loaded;
  selectedId?: string;
  detail: ReactNode;
}) {
  const { actor, query, page, counts, returnTo } = loaded;
  const canDelete = can(actor, "users", "delete");
  return (
    <>
      <h1 className="sr-only">User Manager</h1>
      {selectedId !== undefined ? (
        <a
          href="#details"
          className="sr-only z-50 rounded-md bg-white text-sm font-medium text-accent-700 shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:px-3 focus:py-2"
        >
          Skip to details
        </a>
      ) : null}
      <MasterDetail
        showDetailOnNarrow={selectedId !== undefined}
        list={
          <UserListPane
            page={page}
            counts={counts}
            query={query}
            selectedId={selectedId}
            actor={actor}
            canCreate={can(actor, "users", "create")}
            canDelete={canDelete}
          />
        }
        detail={
          <div id="details" tabIndex={-1} className="outline-none">
            {detail}
          </div>
        }
      />
      <SelectedUserInView selectedId={selectedId} />
      {canDelete ? <DeleteUserDialog returnTo={returnTo} /> : null}
    </>
  );
}
