import { DateRangeFields, FilterButtons } from "@/components/date-range-filter";
import { Select } from "@/components/field";
import { UserPicker } from "@/components/user-picker";
import { type ActivityQuery, activityKinds } from "@/lib/activity/schemas";
import { activityKindLabels } from "./activity-labels";

/**
 * The filter form, a plain GET so the filtered view is a link. The Actor and Target fields
 * suggest users as people type when the viewer may view users; either way the server takes
 * a part of a name and says on the page whom it matched.
 */
export function ActivityFilters({
  query,
  canViewUsers,
  filtered,
}: {
  query: ActivityQuery;
  canViewUsers: boolean;
  filtered: boolean;
}) {
  const personHelp = canViewUsers ? "Name, user name or email" : "Part of a user name";
  return (
    <form
      method="get"
      action="/activity"
      className="grid items-start gap-3 p-4 sm:grid-cols-3 lg:grid-cols-6"
    >
      <UserPicker
        label="Actor"
        name="actor"
        defaultValue={query.actor}
        help={personHelp}
        suggest={canViewUsers}
      />
      <UserPicker
        label="Target user"
        name="target"
        defaultValue={query.target}
        help={personHelp}
        suggest={canViewUsers}
      />
      <Select
        label="Kind"
        name="kind"
        defaultValue={query.kind ?? ""}
        options={[
          { value: "", label: "Any" },
          ...activityKinds.map((kind) => ({ value: kind, label: activityKindLabels[kind] })),
        ]}
      />
      <DateRangeFields from={query.from} to={query.to} />
      <FilterButtons filtered={filtered} clearHref="/activity" />
    </form>
  );
}
