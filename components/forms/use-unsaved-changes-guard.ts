"use client";

import { type RefObject, useEffect } from "react";

const question = "You have unsaved changes. Leave and lose them?";

function leavesPage(target: URL): boolean {
  const here = new URL(window.location.href);
  return (
    target.origin === here.origin &&
    (target.pathname !== here.pathname || target.search !== here.search)
  );
}

/**
 * Asks before unsaved edits are thrown away: on closing or reloading the tab
 * (`beforeunload`), and on in-app navigation, which a single-page app does without
 * unloading: link clicks and GET forms (such as "Add New") elsewhere on the page.
 */
export function useUnsavedChangesGuard(formRef: RefObject<HTMLFormElement | null>, dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    function beforeUnload(event: BeforeUnloadEvent) {
      event.preventDefault();
    }
    function stay(event: Event) {
      if (window.confirm(question)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
    }
    function onClick(event: MouseEvent) {
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest<HTMLAnchorElement>("a[href]");
      // A delete link opens its dialog, which asks anyway.
      if (!link || link.target === "_blank" || link.hasAttribute("download")) return;
      if (link.hasAttribute("data-delete-user")) return;
      if (leavesPage(new URL(link.href))) stay(event);
    }
    function onSubmit(event: SubmitEvent) {
      const other = event.target as HTMLFormElement;
      if (other === formRef.current || other.method.toLowerCase() !== "get") return;
      if (leavesPage(new URL(other.action))) stay(event);
    }
    // Capture on window runs before React's own handlers (Next's Link among them).
    window.addEventListener("beforeunload", beforeUnload);
    window.addEventListener("click", onClick, true);
    window.addEventListener("submit", onSubmit, true);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      window.removeEventListener("click", onClick, true);
      window.removeEventListener("submit", onSubmit, true);
    };
  }, [dirty, formRef]);
}
