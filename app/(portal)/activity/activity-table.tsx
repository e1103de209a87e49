import Link from "next/link";
import { ColorDot } from "@/components/color-dot";
import { Table, TD, TH, THead, TR } from "@/components/data-table";
import type { ActivityListRow } from "@/lib/activity/list-activity";
import { activityKindLabels, describeDetails } from "./activity-labels";

const timeFormat = new Intl.DateTimeFormat("en", {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: "UTC",
});

/**
 * The actor or target as recorded, linked to the user when they still exist and the viewer
 * may open users. The label is the name at the time: a renamed user keeps their old name here.
 */
function Person({
  label,
  userId,
  color,
  linked,
}: {
  label: string;
  userId: string | null;
  color: string | null;
  linked: boolean;
}) {
  const dot = <ColorDot color={color || undefined} />;
  if (userId && linked) {
    return (
      <Link
        href={`/users/${userId}`}
        className="inline-flex items-center gap-2 font-medium text-neutral-900 hover:text-accent-700 hover:underline"
      >
        {dot}
        {label}
      </Link>
    );
  }
  return (
    <span className="inline-flex items-center gap-2">
      {dot}
      {label}
      {userId ? null : <span className="sr-only">(no longer a user)</span>}
    </span>
  );
}

export function ActivityTable({
  rows,
  canViewUsers,
}: {
  rows: ActivityListRow[];
  canViewUsers: boolean;
}) {
  return (
    <Table caption="Account activity" className="max-h-[70vh]">
      <THead>
        <tr>
          <TH>Time (UTC)</TH>
          <TH>Actor</TH>
          <TH>Event</TH>
          <TH>Target</TH>
          <TH>Details</TH>
          <TH>Address</TH>
        </tr>
      </THead>
      <tbody>
        {rows.map((row) => (
          <TR key={row.id}>
            <TD className="whitespace-nowrap">{timeFormat.format(row.createdAt)}</TD>
            <TD>
              {row.actorLabel ? (
                <Person
                  label={row.actorLabel}
                  userId={row.actorUserId}
                  color={row.actorColor}
                  linked={canViewUsers}
                />
              ) : row.kind === "instance.rebuilt" || row.kind === "instance.rebuild_failed" ? (
                // Reported by the provisioning side, not by a person.
                <span className="text-neutral-700">Provisioning</span>
              ) : (
                <span className="text-neutral-600">—</span>
              )}
            </TD>
            <TD className="whitespace-nowrap">{activityKindLabels[row.kind] ?? row.kind}</TD>
            <TD>
              {row.targetLabel ? (
                row.targetUserId || row.kind.startsWith("user.") ? (
                  <Person
                    label={row.targetLabel}
                    userId={row.targetUserId}
                    color={row.targetColor}
                    linked={canViewUsers}
                  />
                ) : (
                  // A group's name: groups have their own page, users' dots do not apply.
                  <span>{row.targetLabel}</span>
                )
              ) : null}
            </TD>
            <TD className="max-w-md">
              <ul className="space-y-0.5 text-xs text-neutral-700">
                {describeDetails(row.kind, row.details).map((line) => (
                  <li key={line} className="break-words">
                    {line}
                  </li>
                ))}
              </ul>
            </TD>
            <TD className="whitespace-nowrap text-neutral-700">{row.clientAddress}</TD>
          </TR>
        ))}
      </tbody>
    </Table>
  );
}
