import type { FieldErrors } from "@/lib/errors";

/** What every form action returns to its form (and to itself on a no-script re-render). */
export type ActionState =
  | { ok: true; message?: string }
  | {
      ok: false;
      message: string;
      fieldErrors: FieldErrors;
      /** What was typed, so a refused save loses nothing (passwords are never echoed). */
      values: Record<string, string | string[]>;
    };

export const initialActionState = undefined as ActionState | undefined;
