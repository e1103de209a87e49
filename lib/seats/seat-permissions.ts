import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";

/** The two ways to give a user a seat: a template's features, or spare ones added. */
export type SeatStep = "template" | "add";

/**
 * Applying a template creates the features it lists, so Templates → Apply is what it takes;
 * adding spares changes existing features, so that needs Features → Edit.
 */
export function assertMayStartSeat(actor: Actor, step: SeatStep): void {
  assertCan(actor, "instances", "view");
  if (step === "template") assertCan(actor, "templates", "apply");
  else assertCan(actor, "features", "edit");
}
