import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/button";
import { PermissionOverrides } from "@/components/permission-overrides";
import { can } from "@/lib/auth/permissions";
import { pageData } from "@/lib/page-guard";
import { getUserPermissions } from "@/lib/permissions/get-user-permissions";
import { mayManageUser } from "@/lib/users/delegation-guard";
import { loadUserManager, type SearchParams, UserManager } from "../../user-manager";
import { UserDetailPane } from "../user-detail-pane";
import { saveUserOverridesAction } from "./actions";

export const metadata: Metadata = { title: "User permissions" };

type Props = { params: Promise<{ id: string }>; searchParams: SearchParams };

export default async function UserPermissionsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const loaded = await loadUserManager(searchParams);
  const { actor } = loaded;
  const { user, modules } = await pageData(() => getUserPermissions({ actor, userId: id }));
  const administrator = user.role === "administrator";
  const self = user.id === actor.id;
  const mayManage = await mayManageUser({ actor, user });
  const editable = !administrator && !self && mayManage && can(actor, "permissions", "edit");
  return (
    <UserManager
      loaded={loaded}
      selectedId={user.id}
      detail={
        <UserDetailPane user={user} actor={actor} mayManage={mayManage} returnTo={loaded.returnTo}>
          <div className="border-b border-neutral-200 px-4 py-3 text-sm text-neutral-700">
            <p>
              <span className="font-medium">Role: {administrator ? "Administrator" : "User"}.</span>{" "}
              {administrator
                ? "Administrators can do everything in the account; user overrides do not apply to them."
                : "Effective permission: a Deny override wins, then an Allow override, then any group, then the User baseline."}
              {self && !administrator ? " Nobody changes their own permissions." : null}
            </p>
            <Link
              href={`/users/${user.id}${loaded.returnTo}`}
              className="mt-2 inline-block font-medium text-accent-700 underline"
            >
              Back to details
            </Link>
          </div>
          <form action={saveUserOverridesAction}>
            <input type="hidden" name="id" value={user.id} />
            <PermissionOverrides modules={modules} editable={editable} />
            {editable ? (
              <div className="border-t border-neutral-200 px-4 py-3">
                <Button type="submit">Save permissions</Button>
              </div>
            ) : null}
          </form>
        </UserDetailPane>
      }
    />
  );
}
