import Link from "next/link";
import type { ReactNode } from "react";
import { Button, buttonClasses } from "@/components/button";
import { ColorDot } from "@/components/color-dot";
import { LinkButton } from "@/components/link-button";
import { Pane } from "@/components/pane";
import { PhoneNumber } from "@/components/phone-link";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import type { UserSeat } from "@/lib/seats/list-user-seats";
import type { UserRecord } from "@/lib/users/user-record";
import { setUserActiveAction } from "../actions";
import { deleteHref } from "../delete-user-link";
import { UserEmailSection } from "./user-email-section";
import { UserSeats } from "./user-seats";

/** The User Details pane of an existing user: its controls, then the given body. */
export function UserDetailPane({
  user,
  actor,
  mayManage,
  returnTo,
  seats = [],
  children,
}: {
  user: UserRecord;
  actor: Actor;
  /** Whether the actor may change this user at all (lib/users/delegation-guard). */
  mayManage: boolean;
  returnTo: string;
  /** The user's seats, when the actor may see instances. */
  seats?: UserSeat[];
  children: ReactNode;
}) {
  const self = user.id === actor.id;
  return (
    <Pane
      title={
        <span className="flex items-center gap-2">
          <ColorDot color={user.color} />
          {user.userName}
          {!user.active ? (
            <span className="rounded bg-neutral-200 px-1.5 py-0.5 text-xs font-medium text-neutral-800">
              Inactive
            </span>
          ) : null}
          {user.role === "administrator" ? (
            <span className="rounded bg-accent-50 px-1.5 py-0.5 text-xs font-medium text-accent-800">
              Administrator
            </span>
          ) : null}
        </span>
      }
      actions={
        <>
          <Link href={`/users${returnTo}`} className="text-sm text-accent-700 underline lg:hidden">
            Back to list
          </Link>
          {!self &&
          mayManage &&
          can(actor, "users", "inactivate") &&
          user.active &&
          seats.length > 0 ? (
            // Someone with seats is asked what becomes of their features first.
            <LinkButton
              href={`/users/${user.id}/inactivate${returnTo}`}
              variant="secondary"
              size="sm"
            >
              Inactivate
            </LinkButton>
          ) : !self && mayManage && can(actor, "users", "inactivate") ? (
            <form action={setUserActiveAction}>
              <input type="hidden" name="id" value={user.id} />
              <input type="hidden" name="active" value={user.active ? "false" : "true"} />
              <input type="hidden" name="returnTo" value={returnTo} />
              <Button type="submit" variant="secondary" size="sm">
                {user.active ? "Inactivate" : "Reactivate"}
              </Button>
            </form>
          ) : null}
          {self || can(actor, "permissions", "view") ? (
            <LinkButton
              href={`/users/${user.id}/permissions${returnTo}`}
              variant="secondary"
              size="sm"
            >
              Display Permissions
            </LinkButton>
          ) : null}
          {!self && mayManage && can(actor, "users", "delete") ? (
            <a
              href={deleteHref(user.id, returnTo)}
              data-delete-user={user.userName}
              className={buttonClasses("danger", "sm")}
            >
              Delete
            </a>
          ) : null}
        </>
      }
    >
      {user.phone ? (
        <p className="border-b border-neutral-200 px-4 py-2 text-sm text-neutral-700">
          Call: <PhoneNumber e164={user.phone} ext={user.extension} />
          {user.extension ? ` (extension ${user.extension})` : ""}
        </p>
      ) : null}
      <UserEmailSection user={user} actor={actor} mayManage={mayManage} returnTo={returnTo} />
      {seats.length > 0 ? <UserSeats seats={seats} /> : null}
      {children}
    </Pane>
  );
}
