import "server-only";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requestedPath, requireActor } from "@/lib/auth/current-user";
import { permissionLabel } from "@/lib/auth/modules";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
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

const notAllowedMessage =
  "You are not allowed to do this. Your permissions may have changed; nothing was saved.";

/** A refusal as the form shows it, naming the missing permission when that is the reason. */
export function refusalMessage(error: ForbiddenError): string {
  if (error.permission) {
    return `You are not allowed to do this: you need ${permissionLabel(error.permission)}. Your permissions may have changed; nothing was saved.`;
  }
  return error.message === new ForbiddenError().message
    ? notAllowedMessage
    : `${error.message} Nothing was saved.`;
}

/**
 * Maps a domain error to the form's result; the one place that does. A refusal is a
 * message on the form when the enhanced form called the action: there the page stays,
 * with everything typed in it. A plain form post gets its page again with the message
 * as the toast: the form may not come back (a revoked permission leaves the page
 * read-only), so a message in the form could go unseen. Not forbidden(): Next.js answers
 * that, thrown by an action, with its not-found page (404), which could not say why.
 */
export async function domainErrorState(
  error: unknown,
  values: Record<string, string | string[]>,
): Promise<ActionState> {
  if (error instanceof ForbiddenError) {
    const message = refusalMessage(error);
    // Scripts send the action's id in this header; a plain form post sends it in the body.
    if ((await headers()).has("next-action")) {
      return { ok: false, message, fieldErrors: {}, values: echo(values) };
    }
    await flash(message);
    redirect(safeRedirectPath(await requestedPath()));
  }
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
  serverChecks?: ServerChecks<Actor>,
): Promise<ActionState> {
  const actor = await requireActor();
  return parseAndRun(
    schema,
    formData,
    (input) => run(input, actor),
    serverChecks && ((values, errors) => serverChecks(values, errors, actor)),
  );
}

/**
 * Checks only the server can make (a user name already in use), run also when the
 * schema refused the form, so one Save reports every problem at once. Returns more
 * field errors; a field the schema already flagged keeps the schema's message.
 */
export type ServerChecks<A = undefined> = (
  values: Record<string, string | string[]>,
  schemaErrors: FieldErrors,
  actor: A,
) => Promise<FieldErrors>;

/** Like formAction, for the few forms used before sign-in (setup). */
export async function parseAndRun<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  run: (input: z.output<S>) => Promise<ActionState | undefined>,
  serverChecks?: (
    values: Record<string, string | string[]>,
    schemaErrors: FieldErrors,
  ) => Promise<FieldErrors>,
): Promise<ActionState> {
  const values = formDataObject(formData);
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const schemaErrors = zodFieldErrors(parsed.error);
    let serverErrors: FieldErrors = {};
    try {
      serverErrors = serverChecks ? await serverChecks(values, schemaErrors) : {};
    } catch (error) {
      return await domainErrorState(error, values);
    }
    return {
      ok: false,
      message: "Check the highlighted fields.",
      fieldErrors: { ...serverErrors, ...schemaErrors },
      values: echo(values),
    };
  }
  try {
    return (await run(parsed.data)) ?? { ok: true };
  } catch (error) {
    return await domainErrorState(error, values);
  }
}

/** A one-shot message for the next page, shown as a toast (see components/toast). */
/**
 * How a plain form post (a button, not a form with fields) answers a refusal: not found is the
 * not-found page; a missing permission, a conflict or an invalid request is the toast of the
 * page it redirects to next. Anything else is a bug and is thrown.
 */
export async function flashRefusal(error: unknown): Promise<void> {
  if (error instanceof NotFoundError) notFound();
  if (error instanceof ForbiddenError) await flash(refusalMessage(error));
  else if (error instanceof ConflictError || error instanceof InvalidError) {
    await flash(error.message);
  } else throw error;
}

export async function flash(message: string): Promise<void> {
  (await cookies()).set("flash", message, { path: "/", maxAge: 15, sameSite: "lax" });
}
