import { Button } from "@/components/button";
import { LinkButton } from "@/components/link-button";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import type { UserRecord } from "@/lib/users/user-record";
import { UndeliverableMark } from "../undeliverable-mark";
import { clearUndeliverableAction, resendLoginInstructionsAction } from "./email-actions";

// In UTC, said so: the server renders it and does not know the viewer's zone.
const sinceFormat = new Intl.DateTimeFormat("en", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/**
 * User Details' email line: the address (marked and explained when the provider reported it
 * as bouncing) and what the actor may do about it: Send Email, Resend login instructions,
 * Clear the mark. The services decide again.
 */
export function UserEmailSection({
  user,
  actor,
  mayManage,
  returnTo,
}: {
  user: UserRecord;
  actor: Actor;
  mayManage: boolean;
  returnTo: string;
}) {
  const mayEdit = mayManage && can(actor, "users", "edit");
  const hidden = (
    <>
      <input type="hidden" name="id" value={user.id} />
      <input type="hidden" name="returnTo" value={returnTo} />
    </>
  );
  return (
    <div className="border-b border-neutral-200 px-4 py-2 text-sm text-neutral-700">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <p className="min-w-0 break-all">
          Email: {user.emailUndeliverableAt ? <UndeliverableMark /> : null}
          {user.email}
        </p>
        {mayEdit ? (
          <div className="ml-auto flex flex-wrap items-center gap-2">
            <LinkButton href={`/users/${user.id}/email${returnTo}`} variant="secondary" size="sm">
              Send Email
            </LinkButton>
            {user.active ? (
              <form action={resendLoginInstructionsAction}>
                {hidden}
                <Button type="submit" variant="secondary" size="sm">
                  Resend login instructions
                </Button>
              </form>
            ) : null}
          </div>
        ) : null}
      </div>
      {user.emailUndeliverableAt ? (
        <div
          role="note"
          className="mt-2 flex flex-wrap items-start gap-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900"
        >
          <p className="min-w-0 flex-1">
            <strong className="font-semibold">Undeliverable</strong> since{" "}
            <time dateTime={user.emailUndeliverableAt.toISOString()}>
              {sinceFormat.format(user.emailUndeliverableAt)} UTC
            </time>
            {user.emailUndeliverableReason
              ? `: ${user.emailUndeliverableReason.replace(/\.+$/, "")}`
              : ""}
            . The portal sends nothing to this address until it changes or the mark is cleared.
          </p>
          {mayEdit ? (
            <form action={clearUndeliverableAction}>
              {hidden}
              <Button type="submit" variant="secondary" size="sm">
                Clear the mark
              </Button>
            </form>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
