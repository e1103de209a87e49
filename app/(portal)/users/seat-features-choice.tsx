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
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-neutral-900">
        {intro ?? "Their phone features"}
      </legend>
      {options.map((option, index) => (
        <label key={option.value} className="flex gap-2 text-sm">
          <input
            type="radio"
            name="seatFeatures"
            value={option.value}
            defaultChecked={index === 0}
            className="mt-1"
          />
          <span>
            <span className="block text-neutral-900">{option.label}</span>
            <span className="block text-xs text-neutral-600">{option.help}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
