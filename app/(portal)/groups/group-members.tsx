import { Button } from "@/components/button";
import { ColorDot } from "@/components/color-dot";
import { requireActor } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { removeGroupMemberAction } from "./actions";
import { AddMemberForm } from "./add-member-form";

type Member = {
  id: string;
  userName: string;
  firstName: string;
  lastName: string;
  color: string;
  active: boolean;
};

export async function GroupMembers({
  groupId,
  members,
  canEdit,
  lockedReason,
}: {
  groupId: string;
  members: Member[];
  canEdit: boolean;
  /** Why the members cannot be changed here, when the actor may edit groups in general. */
  lockedReason?: string;
}) {
  const actor = await requireActor();
  // Suggested like anyone else, so a search for them does not look broken, but marked.
  const unavailable: Record<string, string> = {
    ...Object.fromEntries(members.map((member) => [member.id, "Already a member"])),
    [actor.id]: "You",
  };
  return (
    <section
      aria-labelledby="members-heading"
      className="space-y-3 border-t border-neutral-200 p-4"
    >
      <h3 id="members-heading" className="text-sm font-semibold text-neutral-900">
        Members ({members.length})
      </h3>
      {members.length === 0 ? (
        <p className="text-sm text-neutral-600">No members yet.</p>
      ) : (
        <ul className="divide-y divide-neutral-100 rounded-md border border-neutral-200">
          {members.map((member) => (
            <li
              key={member.id}
              className="flex items-center justify-between gap-3 px-3 py-2 text-sm"
            >
              <span className="flex items-center gap-2">
                <ColorDot color={member.color} />
                <span className="font-medium">{member.userName}</span>
                <span className="text-neutral-600">
                  {member.firstName} {member.lastName}
                </span>
                {member.active ? null : (
                  <span className="rounded bg-neutral-200 px-1.5 text-xs">Inactive</span>
                )}
              </span>
              {canEdit ? (
                <form action={removeGroupMemberAction}>
                  <input type="hidden" name="id" value={groupId} />
                  <input type="hidden" name="userId" value={member.id} />
                  <Button
                    type="submit"
                    variant="ghost"
                    size="sm"
                    aria-label={`Remove ${member.userName}`}
                  >
                    Remove
                  </Button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <AddMemberForm
          groupId={groupId}
          canSearchUsers={can(actor, "users", "view")}
          unavailable={unavailable}
        />
      ) : null}
      {lockedReason ? <p className="text-sm text-neutral-600">{lockedReason}</p> : null}
    </section>
  );
}
