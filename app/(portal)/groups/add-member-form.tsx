"use client";

import { useActionState, useId } from "react";
import { Button } from "@/components/button";
import { UserPicker } from "@/components/user-picker";
import { type AddMemberState, addGroupMemberAction, type MemberChoice } from "./actions";

function fullName(user: MemberChoice): string {
  return `${user.firstName} ${user.lastName}`.trim();
}

/**
 * Adds a member by name, user name or email. With scripts the field suggests users as
 * people type; without, the server adds the one user the text names exactly, or lists the
 * users it could mean, each with its own Add button.
 */
export function AddMemberForm({
  groupId,
  canSearchUsers,
  unavailable,
}: {
  groupId: string;
  /** The actor may view users, so the field suggests them. */
  canSearchUsers: boolean;
  /** Members and the actor themself: listed in suggestions, but not choosable. */
  unavailable: Record<string, string>;
}) {
  const [state, action, pending] = useActionState<AddMemberState | undefined, FormData>(
    addGroupMemberAction,
    undefined,
  );
  const choicesId = useId();
  const error = state && !state.ok ? (state.fieldErrors.userName ?? state.message) : undefined;
  const typed = state && !state.ok ? String(state.values.userName ?? "") : "";
  const choices = state && !state.ok && "choices" in state ? state : undefined;
  return (
    <div className="space-y-2">
      <form action={action} className="flex items-start gap-2">
        <input type="hidden" name="id" value={groupId} />
        <UserPicker
          label="Add member"
          name="userName"
          defaultValue={typed}
          placeholder={canSearchUsers ? "Name, user name or email" : "User name or email"}
          error={error}
          suggest={canSearchUsers}
          unavailable={unavailable}
          className="flex-1"
        />
        <Button type="submit" variant="secondary" disabled={pending} className="mt-6">
          Add
        </Button>
      </form>
      {choices ? (
        <section aria-labelledby={choicesId} className="rounded-md border border-neutral-200">
          <h4 id={choicesId} className="border-b border-neutral-200 px-3 py-2 text-xs font-medium">
            Users matching “{typed.trim()}”
          </h4>
          <ul className="divide-y divide-neutral-100">
            {choices.choices.map((user) => (
              <li key={user.id} className="flex items-center justify-between gap-3 px-3 py-1.5">
                <span className="min-w-0 text-sm">
                  <span className="font-medium">{user.userName}</span>{" "}
                  <span className="text-neutral-700">{fullName(user)}</span>
                  <span className="block truncate text-xs text-neutral-600">{user.email}</span>
                </span>
                {unavailable[user.id] ? (
                  <span className="text-xs text-neutral-600">{unavailable[user.id]}</span>
                ) : (
                  // A form per choice: its Add posts that exact user name, scripts or not.
                  <form action={action}>
                    <input type="hidden" name="id" value={groupId} />
                    <input type="hidden" name="userName" value={user.userName} />
                    <Button
                      type="submit"
                      variant="secondary"
                      size="sm"
                      disabled={pending}
                      aria-label={`Add ${user.userName}`}
                    >
                      Add
                    </Button>
                  </form>
                )}
              </li>
            ))}
          </ul>
          {choices.more ? (
            <p className="border-t border-neutral-200 px-3 py-2 text-xs text-neutral-600">
              More users match: type more of the name to narrow the list.
            </p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
