"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import {
  type BaseSyntheticEvent,
  startTransition,
  useActionState,
  useEffect,
  useRef,
  useState,
} from "react";
import { type DefaultValues, type FieldValues, type Path, useForm } from "react-hook-form";
import type { z } from "zod";
import type { ActionState } from "@/lib/actions/action-state";
import { useUnsavedChangesGuard } from "./use-unsaved-changes-guard";

type ServerAction = (state: ActionState | undefined, formData: FormData) => Promise<ActionState>;

/**
 * A form that validates in the browser with the same zod schema the server action
 * uses, then submits the real FormData to that action. Without scripts the form
 * simply posts to the action and the server's answer re-renders it.
 */
export function useServerForm<Input extends FieldValues>(options: {
  schema: z.ZodType<unknown, Input>;
  action: ServerAction;
  defaultValues: DefaultValues<Input>;
  /** A refusal the page was rendered with (a step re-shown with its errors). */
  initialState?: ActionState;
}) {
  const [state, formAction, pending] = useActionState(options.action, options.initialState);
  const formRef = useRef<HTMLFormElement>(null);
  const values = state && !state.ok ? state.values : undefined;
  const form = useForm<Input>({
    // biome-ignore lint/suspicious/noExplicitAny: the resolver's generics cannot follow a generic schema.
    resolver: zodResolver(options.schema as any),
    // Nothing turns red for being tabbed past: fields are checked at the first Save, then
    // again as they change. A message appearing on blur also moved the boxes below it
    // between a press and its release, losing the click.
    mode: "onSubmit",
    reValidateMode: "onChange",
    defaultValues: (values ?? options.defaultValues) as DefaultValues<Input>,
  });
  // Every Save goes to the server, even with the browser's errors showing: only the
  // server knows some problems (a user name in use), and one Save reports them all.
  // The button pressed goes along, as in a plain post: a form may have several (Save, a
  // wizard's step).
  const submit = (_values: unknown, event?: BaseSyntheticEvent) => {
    if (!formRef.current) return;
    const submitter = (event?.nativeEvent as SubmitEvent | undefined)?.submitter ?? null;
    const formData = new FormData(formRef.current, submitter);
    startTransition(() => formAction(formData));
  };
  // Valid or not in the browser, the form is sent; handleSubmit marks it submitted, so
  // fields are checked again as they change from now on.
  const onSubmit = form.handleSubmit(submit, submit);
  useUnsavedChangesGuard(formRef, form.formState.isDirty && !pending && !(state?.ok ?? false));
  // A server error describes the value that was sent: once the field changes it is stale.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    setEdited(new Set());
    if (!state || state.ok) return;
    const subscription = form.watch((_values, { name }) => {
      if (name) setEdited((current) => (current.has(name) ? current : new Set(current).add(name)));
    });
    return () => subscription.unsubscribe();
  }, [state, form]);
  const serverErrors = Object.fromEntries(
    Object.entries(state && !state.ok ? state.fieldErrors : {}).filter(
      ([name]) => !edited.has(name),
    ),
  );

  /** The message to show beside a field: the browser's check first, then the server's. */
  function errorFor(name: string): string | undefined {
    const clientError = (form.formState.errors as Record<string, { message?: string } | undefined>)[
      name
    ];
    return clientError?.message ?? serverErrors[name];
  }

  const initial = (values ?? options.defaultValues) as Record<string, unknown>;

  /**
   * register() plus the value rendered into the HTML, so the form is filled in
   * before (or without) hydration; with the field's error message.
   */
  function field(name: Path<Input>) {
    const value = initial[name];
    return {
      ...form.register(name),
      defaultValue: value == null ? "" : String(value),
      error: errorFor(name),
    };
  }

  function checkboxField(name: Path<Input>) {
    const value = initial[name];
    return {
      ...form.register(name),
      defaultChecked: value === true || value === "on",
      error: errorFor(name),
    };
  }

  const clientErrorCount = Object.keys(form.formState.errors).length;
  // The summary speaks of the fields the server flagged; once all of them changed it is stale too.
  const serverSummaryStands =
    state && !state.ok
      ? Object.keys(state.fieldErrors).length === 0 || Object.keys(serverErrors).length > 0
      : false;
  const summary =
    state && !state.ok && serverSummaryStands
      ? state.message
      : clientErrorCount > 0 && form.formState.isSubmitted
        ? "Check the highlighted fields."
        : undefined;

  /** The value the form was rendered with: a refused save's, else the defaults. */
  function initialValues(name: Path<Input>): string[] {
    const value = initial[name];
    if (Array.isArray(value)) return value.map(String);
    return value == null || value === "" ? [] : [String(value)];
  }

  return {
    form,
    formRef,
    formAction,
    onSubmit,
    pending,
    state,
    errorFor,
    summary,
    field,
    checkboxField,
    initialValues,
  };
}
