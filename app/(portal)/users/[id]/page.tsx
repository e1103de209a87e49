import type { Metadata } from "next";
import { can } from "@/lib/auth/permissions";
import { getGroupChoices } from "@/lib/groups/group-choices";
import { pageData } from "@/lib/page-guard";
import { listUserSeats } from "@/lib/seats/list-user-seats";
import { mayManageUser } from "@/lib/users/delegation-guard";
import { formatPhone } from "@/lib/users/fields/phone";
import { getUser } from "@/lib/users/find-user";
import { loadSeatForm, withDraftValues } from "../load-seat-form";
import { UserForm } from "../user-form";
import { loadUserManager, type SearchParams, UserManager } from "../user-manager";
import { UserDetailPane } from "./user-detail-pane";
import { UserSummary } from "./user-summary";

export const metadata: Metadata = { title: "User details" };

type Props = { params: Promise<{ id: string }>; searchParams: SearchParams };

export default async function UserPage({ params, searchParams }: Props) {
  const { id } = await params;
  const loaded = await loadUserManager(searchParams);
  const user = await pageData(() => getUser({ actor: loaded.actor, userId: id }));
  const [choices, mayManage, seatForm, seats] = await Promise.all([
    getGroupChoices({ actor: loaded.actor, userId: user.id }),
    mayManageUser({ actor: loaded.actor, user }),
    loadSeatForm(loaded.actor, (await searchParams).draft, user.id),
    can(loaded.actor, "instances", "view")
      ? listUserSeats({ actor: loaded.actor, userId: user.id })
      : Promise.resolve([]),
  ]);
  const editable = can(loaded.actor, "users", "edit") && mayManage;
  return (
    <UserManager
      loaded={loaded}
      selectedId={user.id}
      detail={
        <UserDetailPane
          user={user}
          actor={loaded.actor}
          mayManage={mayManage}
          returnTo={loaded.returnTo}
          seats={seats}
        >
          {editable ? (
            <UserForm
              // A save re-renders this user: start again from what is now stored.
              key={`${user.id}:${user.updatedAt.getTime()}:${seatForm.seat?.draftId ?? ""}`}
              seat={seatForm.seat}
              userId={user.id}
              returnTo={loaded.returnTo}
              canGrantAdministrator={loaded.actor.role === "administrator"}
              groups={choices.groups}
              canInactivate={can(loaded.actor, "users", "inactivate")}
              self={user.id === loaded.actor.id}
              defaults={withDraftValues(
                {
                  userName: user.userName,
                  newPassword: "",
                  firstName: user.firstName,
                  lastName: user.lastName,
                  alias: user.alias,
                  title: user.title,
                  email: user.email,
                  fromEmails: user.fromEmails.join(", "),
                  phone: user.phone ? formatPhone(user.phone) : "",
                  extension: user.extension,
                  address: user.address,
                  color: user.color || "#4f46e5",
                  clickToDial: user.clickToDial,
                  active: user.active,
                  role: user.role,
                  groupIds: choices.memberOf,
                  currentPassword: "",
                },
                seatForm.values,
              )}
            />
          ) : (
            <>
              <p className="px-4 pt-4 text-sm text-neutral-700">
                You can view this user but not change them.
              </p>
              <UserSummary user={user} />
            </>
          )}
        </UserDetailPane>
      }
    />
  );
}
