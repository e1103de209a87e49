import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { Button } from "@/components/button";
import { Pane } from "@/components/pane";
import { can } from "@/lib/auth/permissions";
import { pageData } from "@/lib/page-guard";
import { getUser } from "@/lib/users/find-user";
import { deleteUserAction } from "../../actions";
import { loadUserManager, type SearchParams, UserManager } from "../../user-manager";

export const metadata: Metadata = { title: "Delete user" };

type Props = { params: Promise<{ id: string }>; searchParams: SearchParams };

// The confirmation page used when scripts are off (the dialog replaces it otherwise).
export default async function DeleteUserPage({ params, searchParams }: Props) {
  const { id } = await params;
  const loaded = await loadUserManager(searchParams);
  if (!can(loaded.actor, "users", "delete")) forbidden();
  const user = await pageData(() => getUser({ actor: loaded.actor, userId: id }));
  return (
    <UserManager
      loaded={loaded}
      selectedId={user.id}
      detail={
        <Pane title={`Delete user ${user.userName}?`}>
          <form action={deleteUserAction} className="space-y-4 p-4">
            <input type="hidden" name="id" value={user.id} />
            <input type="hidden" name="returnTo" value={loaded.returnTo} />
            <p className="text-sm text-neutral-700">
              {[user.firstName, user.lastName].filter(Boolean).join(" ") || user.userName} (
              {user.email}) can no longer sign in once deleted. Account activity keeps what they
              did.
            </p>
            <div className="flex gap-3">
              <Button type="submit" variant="danger">
                Delete
              </Button>
              <Link
                href={`/users/${user.id}${loaded.returnTo}`}
                className="inline-flex items-center rounded-md border border-neutral-300 bg-white px-3 py-2 text-sm font-medium text-neutral-800 hover:bg-neutral-50"
              >
                Cancel
              </Link>
            </div>
          </form>
        </Pane>
      }
    />
  );
}
