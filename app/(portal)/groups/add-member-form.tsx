"use client";

import { useActionState } from "react";
import { Button } from "@/components/button";
import { TextInput } from "@/components/field";
import { addGroupMemberAction } from "./actions";

export function AddMemberForm({
  groupId,
  suggestions,
}: {
  groupId: string;
  suggestions: string[];
}) {
  const [state, action, pending] = useActionState(addGroupMemberAction, undefined);
  const error = state && !state.ok ? (state.fieldErrors.userName ?? state.message) : undefined;
  const typed = state && !state.ok ? String(state.values.userName ?? "") : "";
  return (
    <form action={action} className="flex items-start gap-2">
      <input type="hidden" name="id" value={groupId} />
      <TextInput
        label="Add member"
        name="userName"
        defaultValue={typed}
        list="group-member-suggestions"
        placeholder="User name"
        autoComplete="off"
        error={error}
        className="flex-1"
      />
      <datalist id="group-member-suggestions">
        {suggestions.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <Button type="submit" variant="secondary" disabled={pending} className="mt-6">
        Add
      </Button>
    </form>
  );
}
