import Link from "next/link";
import type { UserListQuery, UserListSort } from "@/lib/users/schemas";
import { listQueryString, listView } from "./list-href";

/**
 * A column header that sorts the list by its column; choosing the sorted column again
 * reverses it. Sorting starts again from the first page (the cursors belong to a sort).
 */
export function SortHeader({
  column,
  label,
  query,
}: {
  column: UserListSort;
  label: string;
  query: UserListQuery;
}) {
  const sorted = query.sort === column;
  const nextDir = sorted && query.dir === "asc" ? "desc" : "asc";
  const href = `/users${listQueryString({ ...listView(query), sort: column, dir: nextDir })}`;
  return (
    <th
      scope="col"
      aria-sort={sorted ? (query.dir === "asc" ? "ascending" : "descending") : undefined}
    >
      <Link href={href}>
        {label}
        <span aria-hidden="true">{sorted ? (query.dir === "asc" ? "▲" : "▼") : "↕"}</span>
        <span className="sr-only">
          {sorted
            ? `, sorted ${query.dir === "asc" ? "A to Z" : "Z to A"}; reverse`
            : ", sort by this column"}
        </span>
      </Link>
    </th>
  );
}
