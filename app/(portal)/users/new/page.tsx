import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { Pane } from "@/components/pane";
import { can } from "@/lib/auth/permissions";
import { getGroupChoices } from "@/lib/groups/group-choices";
import { loadSeatForm, withDraftValues } from "../load-seat-form";
import { UserForm } from "../user-form";
import { loadUserManager, type SearchParams, UserManager } from "../user-manager";

export const metadata: Metadata = { title: "New user" };

export default async function NewUserPage({ searchParams }: { searchParams: SearchParams }) {
  const loaded = await loadUserManager(searchParams);
  if (!can(loaded.actor, "users", "create")) forbidden();
  const [choices, seatForm] = await Promise.all([
    getGroupChoices({ actor: loaded.actor }),
    loadSeatForm(loaded.actor, (await searchParams).draft),
  ]);
  return (
    <UserManager
      loaded={loaded}
      selectedId=""
      detail={
        <Pane
          title="New User"
          actions={
            <Link
              href={`/users${loaded.returnTo}`}
              className="text-sm text-accent-700 underline lg:hidden"
            >
              Back to list
            </Link>
          }
        >
          <UserForm
            key={seatForm.seat?.draftId ?? "new"}
            seat={seatForm.seat}
            returnTo={loaded.returnTo}
            canGrantAdministrator={loaded.actor.role === "administrator"}
            groups={choices.groups}
            defaults={withDraftValues(
              {
                userName: "",
                newPassword: "",
                firstName: "",
                lastName: "",
                alias: "",
                title: "",
                email: "",
                fromEmails: "",
                phone: "",
                extension: "",
                address: "",
                color: "#4f46e5",
                clickToDial: "",
                active: true,
                sendLoginInstructions: true,
                role: "user" as const,
                groupIds: [] as string[],
              },
              seatForm.values,
            )}
          />
        </Pane>
      }
    />
  );
}
