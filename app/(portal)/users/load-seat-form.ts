import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { describePendingSeats } from "@/lib/seats/describe-pending-seats";
import { getUserFormDraft } from "@/lib/seats/get-user-form-draft";
import { instanceChoices } from "@/lib/seats/instance-choices";
import type { SeatSectionProps } from "./seat-section";

type Values = Record<string, string | string[]>;

/**
 * The user form's Phone system section and, when the page was opened from the seat
 * wizard (?draft=), what the form held before it.
 */
export async function loadSeatForm(
  actor: Actor,
  draftParam: string | string[] | undefined,
  userId?: string,
): Promise<{ seat?: Omit<SeatSectionProps, "instanceError" | "seatsError">; values?: Values }> {
  if (!can(actor, "instances", "view")) return {};
  const draftId = typeof draftParam === "string" ? draftParam : "";
  const draft = draftId
    ? await getUserFormDraft({ actor, draftId }).catch((error: unknown) => {
        // An expired or saved draft: the form opens as it would without one.
        if (error instanceof NotFoundError) return undefined;
        throw error;
      })
    : undefined;
  const own = draft && (draft.userId ?? undefined) === userId ? draft : undefined;
  const [instances, pending] = await Promise.all([
    instanceChoices({ actor }),
    own ? describePendingSeats({ actor, draft: own }) : Promise.resolve([]),
  ]);
  return {
    seat: {
      instances,
      draftId: own?.id,
      pending,
      canApplyTemplate: can(actor, "templates", "apply"),
      canAddFeatures: can(actor, "features", "edit"),
    },
    values: own?.values,
  };
}

/** A draft's typed values over the form's defaults (check boxes as FormData sent them). */
export function withDraftValues<D extends { active: boolean; groupIds: string[] }>(
  defaults: D,
  values: Values | undefined,
): D {
  if (!values) return defaults;
  const list = (value: string | string[] | undefined) =>
    (Array.isArray(value) ? value : value ? [value] : []).filter(Boolean);
  const text = Object.fromEntries(
    Object.entries(values).filter(([key, value]) => key in defaults && typeof value === "string"),
  );
  const ticked = (value: string | string[] | undefined) => value === "on" || value === "true";
  return {
    ...defaults,
    ...text,
    active: ticked(values.active),
    ...("sendLoginInstructions" in defaults
      ? { sendLoginInstructions: ticked(values.sendLoginInstructions) }
      : {}),
    groupIds: "groupIds" in values ? list(values.groupIds) : defaults.groupIds,
  };
}
