import type { Metadata } from "next";
import { Button, ButtonLink } from "@/components/button";
import { Pane } from "@/components/pane";
import { requireActor } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { pageData, pageRequires } from "@/lib/page-guard";
import { listUserSeats } from "@/lib/seats/list-user-seats";
import { getUser } from "@/lib/users/find-user";
import { setUserActiveAction } from "../../actions";
import { SeatFeaturesChoice } from "../../seat-features-choice";
import { loadUserManager, type SearchParams, UserManager } from "../../user-manager";

export const metadata: Metadata = { title: "Inactivate user" };

type Props = { params: Promise<{ id: string }>; searchParams: SearchParams };

/** Inactivating someone with seats: what becomes of their features is asked first. */
export default async function InactivateUserPage({ params, searchParams }: Props) {
  const { id } = await params;
  pageRequires(await requireActor(), "users", "inactivate");
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
        <Pane title={`Inactivate user ${user.userName}?`}>
          <form action={setUserActiveAction} className="space-y-4 p-4">
            <input type="hidden" name="id" value={user.id} />
            <input type="hidden" name="active" value="false" />
            <input type="hidden" name="returnTo" value={loaded.returnTo} />
            <p className="text-sm text-neutral-700">
              {user.userName} can no longer sign in once inactivated; their sessions end at once.
            </p>
            {seats.length > 0 ? (
              <SeatFeaturesChoice
                allowLeave
                intro={`Their seats in ${seats.map((seat) => seat.instanceName).join(", ")}`}
              />
            ) : null}
            <div className="flex justify-end gap-2">
              <ButtonLink href={`/users/${user.id}${loaded.returnTo}`} variant="secondary">
                Cancel
              </ButtonLink>
              <Button type="submit" variant="danger">
                Inactivate
              </Button>
            </div>
          </form>
        </Pane>
      }
    />
  );
}
