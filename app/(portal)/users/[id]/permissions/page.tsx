import type { Metadata } from "next";
import Link from "next/link";
import { PermissionList } from "@/components/permission-list";
import { effectivePermissions } from "@/lib/auth/permissions";
import { pageData } from "@/lib/page-guard";
import { getUser } from "@/lib/users/find-user";
import { loadUserManager, type SearchParams, UserManager } from "../../user-manager";
import { UserDetailPane } from "../user-detail-pane";

export const metadata: Metadata = { title: "User permissions" };

type Props = { params: Promise<{ id: string }>; searchParams: SearchParams };

export default async function UserPermissionsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const loaded = await loadUserManager(searchParams);
  const user = await pageData(() => getUser({ actor: loaded.actor, userId: id }));
  return (
    <UserManager
      loaded={loaded}
      selectedId={user.id}
      detail={
        <UserDetailPane user={user} actor={loaded.actor} returnTo={loaded.returnTo}>
          <div className="border-b border-neutral-200 px-4 py-3 text-sm text-neutral-700">
            <p>
              <span className="font-medium">
                Role: {user.role === "administrator" ? "Administrator" : "User"}.
              </span>{" "}
              {user.role === "administrator"
                ? "Administrators can do everything in the account; overrides do not apply to them."
                : "Users have the baseline below: view their own account activity, view instances and force a rebuild."}
            </p>
            <Link
              href={`/users/${user.id}${loaded.returnTo}`}
              className="mt-2 inline-block font-medium text-accent-700 underline"
            >
              Back to details
            </Link>
          </div>
          <PermissionList modules={effectivePermissions(user)} />
        </UserDetailPane>
      }
    />
  );
}
