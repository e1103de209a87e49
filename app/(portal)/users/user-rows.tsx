"use client";

import { useRouter } from "next/navigation";
import type { MouseEvent } from "react";
import { deleteHref, TrashIconUse } from "./delete-user-link";
import { UndeliverableMark } from "./undeliverable-mark";

/**
 * One row of the User List, as data: the page sends this, not 50 rendered rows. A tuple,
 * not an object, so the payload does not repeat seven key names fifty times. The last
 * item says whether the row offers Delete (the services decide again).
 */
export type UserRow = [
  id: string,
  userName: string,
  firstName: string,
  lastName: string,
  email: string,
  color: string,
  deletable: boolean,
  /** The provider reported the email as bouncing (lib/email). */
  undeliverable: boolean,
];

/**
 * The User List's rows. Rendered from data on both sides, so the page's payload carries
 * each user once rather than a tree of elements per row, and the markup of a row is
 * a few hundred bytes: the styles are in globals.css under .user-list, by column, not
 * repeated on every cell. Links are plain anchors: one handler navigates in the app,
 * and no link prefetches a user's page.
 */
export function UserRows({
  rows,
  returnTo,
  selectedId,
}: {
  rows: UserRow[];
  returnTo: string;
  selectedId?: string;
}) {
  const router = useRouter();

  function navigate(event: MouseEvent<HTMLElement>) {
    const link = (event.target as Element).closest<HTMLAnchorElement>("td:first-child > a");
    if (!link || event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    router.push(link.getAttribute("href") ?? "/users");
  }

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: it only hears clicks on the links inside, which Enter on a link fires too.
    <tbody onClick={navigate}>
      {rows.map(([id, userName, firstName, lastName, email, color, deletable, undeliverable]) => (
        <tr key={id} aria-current={id === selectedId ? "true" : undefined}>
          <td>
            <a href={`/users/${id}${returnTo}`}>
              <span style={{ backgroundColor: color || undefined }} />
              {userName}
            </a>
          </td>
          <td>{firstName}</td>
          <td>{lastName}</td>
          <td>
            {undeliverable ? <UndeliverableMark /> : null}
            {email}
          </td>
          <td>
            {deletable ? (
              <a href={deleteHref(id, returnTo)} data-delete-user="">
                <TrashIconUse />
                <span className="sr-only">{`Delete ${userName}`}</span>
              </a>
            ) : null}
          </td>
        </tr>
      ))}
    </tbody>
  );
}
