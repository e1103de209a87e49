import Link from "next/link";
import type { PersonFilter } from "@/lib/activity/list-activity";

type Role = "actor" | "target";

// How a sentence names whose activity is shown, per filter.
const relation: Record<Role, string> = { actor: "by", target: "about" };

function fullName(user: { firstName: string; lastName: string }): string {
  return `${user.firstName} ${user.lastName}`.trim();
}

function PersonLinks({
  filter,
  role,
  narrowTo,
}: {
  filter: Extract<PersonFilter, { by: "users" }>;
  role: Role;
  narrowTo: (role: Role, userName: string) => string;
}) {
  return (
    <>
      {filter.users.map((user, index) => (
        <span key={user.id}>
          {index > 0 ? ", " : null}
          {filter.users.length > 1 ? (
            <Link href={narrowTo(role, user.userName)} className="font-medium">
              {user.userName}
            </Link>
          ) : (
            <span className="font-medium">{user.userName}</span>
          )}
          {fullName(user) ? ` (${fullName(user)})` : null}
        </span>
      ))}
    </>
  );
}

function Note({
  filter,
  role,
  narrowTo,
}: {
  filter: PersonFilter;
  role: Role;
  narrowTo: (role: Role, userName: string) => string;
}) {
  const rel = relation[role];
  const quoted = `“${filter.text}”`;
  if (filter.by === "recorded_names") {
    return filter.searchedUsers ? (
      <>
        No current user matches {quoted}; showing activity {rel} anyone whose recorded user name
        contains it (users since deleted or renamed included).
      </>
    ) : (
      <>
        Showing activity {rel} anyone whose user name contains {quoted}.
      </>
    );
  }
  const links = <PersonLinks filter={filter} role={role} narrowTo={narrowTo} />;
  const count = filter.users.length;
  if (count === 1) {
    return (
      <>
        Showing activity {rel} {links}.
      </>
    );
  }
  if (filter.exact) {
    return (
      <>
        {count} users are named {quoted}; showing activity {rel} all of them: {links}.
      </>
    );
  }
  return filter.more ? (
    <>
      {quoted} matches more than {count} users; showing activity {rel} the first {count}: {links}.
      Type more of the name to narrow it, or choose one.
    </>
  ) : (
    <>
      {quoted} matches {count} users; showing activity {rel} all of them: {links}. Choose one to see
      only theirs.
    </>
  );
}

/** Says whom the Actor and Target filters matched: a fragment may match several people. */
export function PersonFilterNotes({
  people,
  narrowTo,
}: {
  people: { actor?: PersonFilter; target?: PersonFilter };
  narrowTo: (role: Role, userName: string) => string;
}) {
  const notes = (["actor", "target"] as const).flatMap((role) => {
    const filter = people[role];
    return filter ? [{ role, filter }] : [];
  });
  if (notes.length === 0) return null;
  return (
    <ul
      aria-label="What the filters matched"
      className="space-y-1 border-t border-neutral-200 bg-neutral-50 px-4 py-2.5 text-sm text-neutral-800 [&_a]:text-accent-700 [&_a]:underline"
    >
      {notes.map(({ role, filter }) => (
        <li key={role}>
          <Note filter={filter} role={role} narrowTo={narrowTo} />
        </li>
      ))}
    </ul>
  );
}
