import Link from "next/link";
import { PhoneNumber } from "@/components/phone-link";
import { featureKindLabels } from "@/lib/features/kinds";
import { describeCallFlowStep } from "@/lib/seats/describe-seat-plan";
import type { UserSeat } from "@/lib/seats/list-user-seats";

/** The user's seats, one per instance: extension, features and call flow. */
export function UserSeats({ seats }: { seats: UserSeat[] }) {
  return (
    <section aria-labelledby="user-seats-heading" className="border-b border-neutral-200 px-4 py-3">
      <h2
        id="user-seats-heading"
        className="text-xs font-semibold uppercase tracking-wide text-neutral-600"
      >
        Seats
      </h2>
      <ul className="mt-2 space-y-3">
        {seats.map((seat) => (
          <li key={seat.id} className="text-sm">
            <p className="font-medium text-neutral-900">
              <Link
                href={`/instances/${seat.instanceId}`}
                className="text-accent-700 hover:underline"
              >
                {seat.instanceName}
              </Link>
              {seat.extension ? (
                <span className="text-neutral-700"> · extension {seat.extension}</span>
              ) : null}
              {seat.templateName ? (
                <span className="text-neutral-700">
                  {" "}
                  · {seat.templateName} version {seat.templateVersion}
                  {seat.olderVersion ? " (an older version)" : ""}
                </span>
              ) : null}
            </p>
            {seat.features.length > 0 ? (
              <ul className="mt-1 list-disc pl-5 text-neutral-700">
                {seat.features.map((feature) => (
                  <li key={feature.id}>
                    {featureKindLabels[feature.kind]}:{" "}
                    {feature.phoneNumber ? (
                      <PhoneNumber e164={feature.phoneNumber} />
                    ) : (
                      feature.name
                    )}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-1 text-neutral-600">No features yet.</p>
            )}
            {seat.callFlow.length > 0 ? (
              <p className="mt-1 text-neutral-700">
                Calls: {seat.callFlow.map(describeCallFlowStep).join(", then ")}.
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
