"use client";

import { useCallback, useEffect, useId, useRef, useState } from "react";
import { buttonClasses } from "@/components/button";
import { ConfirmButton } from "@/components/dialog";
import { deleteUserAction } from "./actions";
import { SeatFeaturesChoice } from "./seat-features-choice";

type Target = { id: string; userName: string; trigger: HTMLAnchorElement };

/**
 * The page's one delete confirmation, for every Delete link on it (the list's rows and
 * the details pane). A link with `data-delete-user` opens it; without scripts the link
 * goes to the confirmation page instead. It lives outside the table, so no cell's
 * layout reaches it.
 */
export function DeleteUserDialog({ returnTo }: { returnTo: string }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [target, setTarget] = useState<Target>();
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    function open(event: MouseEvent) {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
        return;
      }
      const link = (event.target as Element | null)?.closest<HTMLAnchorElement>(
        "a[data-delete-user]",
      );
      // The link goes to /users/<id>/delete: the dialog deletes the same user.
      const id = link ? new URL(link.href).pathname.split("/")[2] : undefined;
      if (!link || !id) return;
      event.preventDefault();
      // A row's link names no one: the user name is its row's first cell.
      const userName =
        link.dataset.deleteUser ||
        link.closest("tr")?.querySelector("td")?.textContent?.trim() ||
        "";
      setTarget({ id, userName, trigger: link });
    }
    document.addEventListener("click", open);
    return () => document.removeEventListener("click", open);
  }, []);

  useEffect(() => {
    if (!target || dialogRef.current?.open) return;
    dialogRef.current?.showModal();
    cancelRef.current?.focus();
  }, [target]);

  const close = useCallback(() => dialogRef.current?.close(), []);

  // Escape, Cancel or a finished deletion: focus goes back where it came from.
  function onClose() {
    const trigger = target?.trigger;
    setTarget(undefined);
    if (trigger?.isConnected) trigger.focus();
  }

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onClose={onClose}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg border border-neutral-200 bg-white p-0 text-left whitespace-normal text-neutral-900 shadow-xl backdrop:bg-neutral-900/40"
    >
      <form action={deleteUserAction}>
        <input type="hidden" name="id" value={target?.id ?? ""} />
        <input type="hidden" name="returnTo" value={returnTo} />
        <div className="px-5 pt-5 pb-4">
          <h2 id={titleId} className="text-base font-semibold break-words">
            Delete user {target?.userName}?
          </h2>
          <p id={descriptionId} className="mt-2 text-sm text-neutral-700">
            Their sign-in stops working at once. Account activity keeps what they did.
          </p>
          <div className="mt-3">
            <SeatFeaturesChoice intro="If they have phone seats" />
          </div>
        </div>
        <div className="flex justify-end gap-2 rounded-b-lg border-t border-neutral-200 bg-neutral-50 px-5 py-3">
          <button
            ref={cancelRef}
            type="button"
            onClick={close}
            className={buttonClasses("secondary")}
          >
            Cancel
          </button>
          <ConfirmButton label="Delete" onDone={close} />
        </div>
      </form>
    </dialog>
  );
}
