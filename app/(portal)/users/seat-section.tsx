import { Button } from "@/components/button";
import { Select } from "@/components/field";

/** A seat the form will create at Save, as the form shows it. */
export type PendingSeatView = { instanceName: string; title: string; lines: string[] };

export type SeatSectionProps = {
  instances: { id: string; name: string }[];
  /** The wizard's draft this form belongs to, once a seat step was taken. */
  draftId?: string;
  pending: PendingSeatView[];
  canApplyTemplate: boolean;
  canAddFeatures: boolean;
  instanceError?: string;
  seatsError?: string;
};

/**
 * The Instance drop-down with "Add" and "Apply Template" (seed 001). Both buttons submit
 * the whole form, so what was typed is kept while the wizard's own pages run; the seats
 * collected are made at Save, with the user, in one transaction.
 */
export function SeatSection({
  instances,
  draftId,
  pending,
  canApplyTemplate,
  canAddFeatures,
  instanceError,
  seatsError,
}: SeatSectionProps) {
  return (
    <fieldset
      className="grid gap-4 border-t border-neutral-200 pt-4"
      aria-describedby={seatsError ? "seats-error" : undefined}
    >
      <legend className="-mt-2 bg-white pr-2 text-xs font-semibold uppercase tracking-wide text-neutral-600">
        Phone system
      </legend>
      {draftId ? <input type="hidden" name="draftId" value={draftId} /> : null}
      {pending.length > 0 ? (
        <ul className="space-y-2" aria-label="Seats to create at Save">
          {pending.map((seat, index) => (
            <li
              key={`${seat.instanceName}-${seat.title}`}
              className="rounded-md border border-accent-200 bg-accent-50 p-3 text-sm"
            >
              <div className="flex items-start justify-between gap-2">
                <p className="font-medium text-neutral-900">
                  Pending seat in {seat.instanceName}: {seat.title}
                </p>
                <button
                  type="submit"
                  name="seatStep"
                  value={`remove:${index}`}
                  className="text-xs text-accent-700 underline"
                >
                  Remove<span className="sr-only"> the pending seat in {seat.instanceName}</span>
                </button>
              </div>
              <ul className="mt-1 list-disc pl-5 text-neutral-700">
                {seat.lines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </li>
          ))}
          <li className="text-xs text-neutral-600">
            Created when you Save; nothing exists until then.
          </li>
        </ul>
      ) : null}
      {seatsError ? (
        <p id="seats-error" role="alert" className="text-sm font-medium text-red-700">
          {seatsError}
        </p>
      ) : null}
      {instances.length === 0 ? (
        <p className="text-sm text-neutral-600">The account has no instances yet.</p>
      ) : canApplyTemplate || canAddFeatures ? (
        <div className="flex flex-wrap items-end gap-2">
          <div className="min-w-56 grow">
            <Select
              label="Instance"
              name="seatInstanceId"
              defaultValue=""
              error={instanceError}
              options={[
                { value: "", label: "Choose an instance…" },
                ...instances.map((instance) => ({ value: instance.id, label: instance.name })),
              ]}
            />
          </div>
          {canAddFeatures ? (
            <Button
              type="submit"
              name="seatStep"
              value="add"
              variant="secondary"
              className={instanceError ? "mb-5" : undefined}
            >
              Add
            </Button>
          ) : null}
          {canApplyTemplate ? (
            <Button
              type="submit"
              name="seatStep"
              value="template"
              variant="secondary"
              className={instanceError ? "mb-5" : undefined}
            >
              Apply Template
            </Button>
          ) : null}
        </div>
      ) : null}
    </fieldset>
  );
}
