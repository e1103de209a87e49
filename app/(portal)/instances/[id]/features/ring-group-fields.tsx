"use client";

import { Checkbox, Select, TextInput } from "@/components/field";
import { ringStrategies, ringStrategyLabels } from "@/lib/features/kinds";
import type { RingGroupMemberChoice } from "@/lib/features/list-ring-group-member-choices";
import type { FeatureServerForm } from "./feature-fields";

/** A ring group's fields, with its members as check boxes of the instance's seats and devices. */
export function RingGroupFields({
  server,
  memberChoices,
}: {
  server: FeatureServerForm;
  memberChoices: RingGroupMemberChoice[];
}) {
  const { field, form, errorFor, initialValues } = server;
  const ticked = initialValues("members");
  const membersError = errorFor("members");
  return (
    <>
      <TextInput label="Name" {...field("name")} required />
      <TextInput
        label="Extension"
        {...field("extension")}
        inputMode="numeric"
        autoComplete="off"
        required
        help="1 to 8 digits, not used by anything else in this instance."
      />
      <Select
        label="Ringing"
        {...field("strategy")}
        options={ringStrategies.map((value) => ({ value, label: ringStrategyLabels[value] }))}
      />
      <TextInput
        label="Ring for (seconds)"
        {...field("ringSeconds")}
        type="number"
        min={5}
        max={300}
        required
        help="From 5 to 300 seconds before the call moves on."
      />
      <fieldset aria-describedby={membersError ? "members-error" : undefined}>
        <legend className="mb-2 text-sm font-medium text-neutral-800">Members</legend>
        {/* Marks the members as shown: no ticks then means "no members". */}
        <input type="hidden" name="members" value="" />
        {memberChoices.length === 0 ? (
          <p className="text-xs text-neutral-600">
            This instance has no seats or devices yet; the group can ring them once it has.
          </p>
        ) : (
          <div className="max-h-64 space-y-2 overflow-y-auto">
            {memberChoices.map((choice) => (
              <Checkbox
                key={choice.id}
                id={`member-${choice.id}`}
                label={choice.label}
                value={choice.id}
                defaultChecked={ticked.includes(choice.id)}
                {...form.register("members")}
              />
            ))}
          </div>
        )}
        {membersError ? (
          <p id="members-error" className="mt-1 text-xs font-medium text-red-700">
            {membersError}
          </p>
        ) : null}
      </fieldset>
    </>
  );
}
