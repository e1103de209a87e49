import "server-only";
import { cookies } from "next/headers";
import { forbidden, notFound } from "next/navigation";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/current-user";
import {
  ConflictError,
  type FieldErrors,
  ForbiddenError,
  InvalidError,
  NotFoundError,
} from "@/lib/errors";
import { formDataObject } from "@/lib/form-values";
import type { ActionState } from "./action-state";

const secretFields = /password/i;

function echo(values: Record<string, string | string[]>) {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !secretFields.test(key)));
}

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    fieldErrors[key] ??= issue.message;
  }
  return fieldErrors;
}

/** Maps a domain error to the form's result; the one place that does. */
export function domainErrorState(
  error: unknown,
  values: Record<string, string | string[]>,
): ActionState {
  if (error instanceof ForbiddenError) forbidden();
  if (error instanceof NotFoundError) notFound();
  if (error instanceof ConflictError) {
    return {
      ok: false,
      message: error.message,
      fieldErrors: error.field ? { [error.field]: error.message } : {},
      values: echo(values),
    };
  }
  if (error instanceof InvalidError) {
    return {
      ok: false,
      message: error.message,
      fieldErrors: error.fieldErrors,
      values: echo(values),
    };
  }
  throw error;
}

/**
 * The wrapper behind every form action: signed-in actor, shared zod schema, one
 * service call, domain errors mapped to field errors. `run` redirects on success.
 */
export async function formAction<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  run: (input: z.output<S>, actor: Actor) => Promise<ActionState | undefined>,
): Promise<ActionState> {
  const actor = await requireActor();
  return parseAndRun(schema, formData, (input) => run(input, actor));
}

/** Like formAction, for the few forms used before sign-in (setup). */
export async function parseAndRun<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  run: (input: z.output<S>) => Promise<ActionState | undefined>,
): Promise<ActionState> {
  const values = formDataObject(formData);
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    return {
      ok: false,
      message: "Check the highlighted fields.",
      fieldErrors: zodFieldErrors(parsed.error),
      values: echo(values),
    };
  }
  try {
    return (await run(parsed.data)) ?? { ok: true };
  } catch (error) {
    return domainErrorState(error, values);
  }
}

/** A one-shot message for the next page, shown as a toast (see components/toast). */
export async function flash(message: string): Promise<void> {
  (await cookies()).set("flash", message, { path: "/", maxAge: 15, sameSite: "lax" });
}
