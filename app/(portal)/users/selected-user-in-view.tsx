"use client";

import { useEffect } from "react";

/**
 * When a user is opened (or was just created), scrolls their row into the list's view
 * and moves keyboard focus to the details, so nobody tabs through the whole list to
 * reach the form. A full page load does the same as a client navigation.
 */
export function SelectedUserInView({ selectedId }: { selectedId?: string }) {
  useEffect(() => {
    if (selectedId === undefined) return;
    document
      .querySelector('[data-user-list] tr[aria-current="true"]')
      ?.scrollIntoView({ block: "nearest" });
    const details = document.getElementById("details");
    const heading = details?.querySelector<HTMLElement>("h2");
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus({ preventScroll: window.matchMedia("(min-width: 64rem)").matches });
  }, [selectedId]);
  return null;
}
