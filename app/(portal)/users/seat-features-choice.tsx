import { useId } from "react";

/**
 * The question asked when a user with seats leaves (deleted or inactivated): what becomes of
 * the features of their seats. Phone numbers are never deleted this way.
 */
export function SeatFeaturesChoice({
  allowLeave = false,
  intro,
}: {
  allowLeave?: boolean;
  intro?: string;
}) {
  const options = [
    ...(allowLeave
      ? [
          {
            value: "",
            label: "Leave their seats as they are",
            help: "Reactivating them later finds everything in place.",
          },
        ]
      : []),
    {
      value: "keep",
      label: "Keep their features as spares",
      help: "Devices, numbers and mailboxes stay in their instances, free for someone else.",
    },
    {
      value: "release",
      label: "Release their features",
      help: "Devices, mailboxes and other features are deleted; phone numbers stay as spares.",
    },
  ];
  const id = useId();
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-neutral-900">
        {intro ?? "Their phone features"}
      </legend>
      {options.map((option, index) => (
        <div key={option.value} className="flex gap-2 text-sm">
          <input
            type="radio"
            id={`${id}-${index}`}
            name="seatFeatures"
            value={option.value}
            defaultChecked={index === 0}
            aria-describedby={`${id}-${index}-help`}
            className="mt-1"
          />
          <div>
            <label htmlFor={`${id}-${index}`} className="block text-neutral-900">
              {option.label}
            </label>
            <p id={`${id}-${index}-help`} className="text-xs text-neutral-600">
              {option.help}
            </p>
          </div>
        </div>
      ))}
    </fieldset>
  );
}
