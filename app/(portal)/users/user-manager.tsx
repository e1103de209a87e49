import type { ReactNode } from "react";
import { MasterDetail } from "@/components/pane";
import { requireActor } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { pageData } from "@/lib/page-guard";
import { listUsers } from "@/lib/users/list-users";
import { userListQuerySchema } from "@/lib/users/schemas";
import { listQueryString } from "./list-href";
import { UserListPane } from "./user-list-pane";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Loads what every User Manager page shares: the actor, the list state and its page. */
export async function loadUserManager(searchParams: SearchParams) {
  const actor = await requireActor();
  const query = userListQuerySchema.parse(await searchParams);
  const page = await pageData(() => listUsers({ actor, query }));
  return { actor, query, page, returnTo: listQueryString(query) };
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
  const { actor, query, page } = loaded;
  return (
    <>
      <h1 className="sr-only">User Manager</h1>
      <MasterDetail
        showDetailOnNarrow={Boolean(selectedId) || selectedId === ""}
        list={
          <UserListPane
            page={page}
            query={query}
            selectedId={selectedId}
            actor={actor}
            canCreate={can(actor, "users", "create")}
            canEdit={can(actor, "users", "edit")}
            canDelete={can(actor, "users", "delete")}
          />
        }
        detail={detail}
      />
    </>
  );
}
