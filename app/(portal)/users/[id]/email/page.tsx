import type { Metadata } from "next";
import Link from "next/link";
import { Pane } from "@/components/pane";
import { requireActor } from "@/lib/auth/current-user";
import { pageData, pageRequires } from "@/lib/page-guard";
import { getUserEmailForm } from "@/lib/users/get-user-email-form";
import { UndeliverableMark } from "../../undeliverable-mark";
import { loadUserManager, type SearchParams, UserManager } from "../../user-manager";
import { UserEmailForm } from "./user-email-form";

export const metadata: Metadata = { title: "Send email" };

type Props = { params: Promise<{ id: string }>; searchParams: SearchParams };

/** "Send Email" on User Details: a message from the signed-in user to this user. */
export default async function SendUserEmailPage({ params, searchParams }: Props) {
  const { id } = await params;
  // Checked before the list loads, so the "Not allowed" page can name Users: Edit.
  pageRequires(await requireActor(), "users", "edit");
  const loaded = await loadUserManager(searchParams);
  const { user, sender } = await pageData(() =>
    getUserEmailForm({ actor: loaded.actor, userId: id }),
  );
  const name = [user.firstName, user.lastName].filter(Boolean).join(" ");
  return (
    <UserManager
      loaded={loaded}
      selectedId={user.id}
      detail={
        <Pane
          title={`Send Email to ${user.userName}`}
          actions={
            <Link
              href={`/users/${user.id}${loaded.returnTo}`}
              className="text-sm text-accent-700 underline"
            >
              Back to user
            </Link>
          }
        >
          {user.emailUndeliverableAt ? (
            <p className="mx-4 mt-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              <UndeliverableMark />
              This address is marked undeliverable: the message will be recorded as failed, not
              sent.
            </p>
          ) : null}
          <UserEmailForm
            userId={user.id}
            returnTo={loaded.returnTo}
            to={name ? `${name} <${user.email}>` : user.email}
            fromEmails={sender.fromEmails}
            fallbackFrom={sender.fallbackFrom}
            replyTo={sender.replyTo}
          />
        </Pane>
      }
    />
  );
}
