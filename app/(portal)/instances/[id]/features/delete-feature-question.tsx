import type { Feature } from "@/lib/features/feature-columns";
import { featureKindLabels } from "@/lib/features/kinds";
import { formatPhone } from "@/lib/users/fields/phone";

/** "Delete phone number +1 212 555 0100?": a number is always named by its digits. */
export function deleteFeatureTitle(feature: Pick<Feature, "kind" | "name" | "phoneNumber">) {
  const what =
    feature.kind === "phone_number" && feature.phoneNumber
      ? formatPhone(feature.phoneNumber)
      : feature.name;
  return `Delete ${featureKindLabels[feature.kind].toLowerCase()} ${what}?`;
}

/** What deleting reaches, as the dialog and the confirmation page both say it. */
export function DeleteFeatureQuestion({
  feature,
  usage,
}: {
  feature: Pick<Feature, "kind" | "extension">;
  usage: string[];
}) {
  const consequences = [
    ...(feature.kind === "phone_number"
      ? ["The number leaves this account: calls to it are no longer answered here."]
      : []),
    ...(feature.extension ? [`Extension ${feature.extension} becomes free.`] : []),
  ];
  return (
    <div className="space-y-2">
      {usage.length > 0 ? (
        <>
          <p className="font-medium text-neutral-900">It is in use:</p>
          <ul className="list-disc space-y-1 pl-5">
            {usage.map((use) => (
              <li key={use}>{use}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>No seat has it.</p>
      )}
      {consequences.map((line) => (
        <p key={line}>{line}</p>
      ))}
      <p>This cannot be undone.</p>
    </div>
  );
}
