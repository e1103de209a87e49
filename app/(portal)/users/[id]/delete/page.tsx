import type { Metadata } from "next";
import { Button, ButtonLink } from "@/components/button";
import { Pane } from "@/components/pane";
import { requireActor } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { pageData, pageRequires } from "@/lib/page-guard";
import { listUserSeats } from "@/lib/seats/list-user-seats";
import { getUser } from "@/lib/users/find-user";
import { deleteUserAction } from "../../actions";
import { SeatFeaturesChoice } from "../../seat-features-choice";
import { loadUserManager, type SearchParams, UserManager } from "../../user-manager";

export const metadata: Metadata = { title: "Delete user" };

type Props = { params: Promise<{ id: string }>; searchParams: SearchParams };

// The confirmation page used when scripts are off (the dialog replaces it otherwise).
export default async function DeleteUserPage({ params, searchParams }: Props) {
  const { id } = await params;
  // Checked before the list loads, so the "Not allowed" page can name Users: Delete.
  pageRequires(await requireActor(), "users", "delete");
  const loaded = await loadUserManager(searchParams);
  const user = await pageData(() => getUser({ actor: loaded.actor, userId: id }));
  const seats = can(loaded.actor, "instances", "view")
    ? await pageData(() => listUserSeats({ actor: loaded.actor, userId: user.id }))
    : [];
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
            {seats.length > 0 ? (
              <SeatFeaturesChoice
                intro={`Their seats in ${seats.map((seat) => seat.instanceName).join(", ")}`}
              />
            ) : null}
            {/* Cancel, then the destructive action on the right: as in the dialog. */}
            <div className="flex justify-end gap-2">
              <ButtonLink href={`/users/${user.id}${loaded.returnTo}`} variant="secondary">
                Cancel
              </ButtonLink>
              <Button type="submit" variant="danger">
                Delete
              </Button>
            </div>
          </form>
        </Pane>
      }
    />
  );
}
