"use client";

import { get, type UseFormReturn } from "react-hook-form";
import type { TemplateFormFields } from "@/lib/templates/template-form-values";

export type TemplateFormValues = Record<string, unknown>;

/**
 * What a row's inputs need from the form, by input name ("attributes.2.pattern"): the value
 * to render (so the form is filled without scripts), react-hook-form's registration, and the
 * message to show beside the input, the browser's first, then the server's.
 */
export type RowKit = {
  value: (name: string) => string;
  error: (name: string) => string | undefined;
  text: (name: string) => ReturnType<UseFormReturn<TemplateFormValues>["register"]> & {
    defaultValue: string;
    error?: string;
  };
  checkbox: (name: string) => ReturnType<UseFormReturn<TemplateFormValues>["register"]> & {
    defaultChecked: boolean;
    error?: string;
  };
  unregister: (name: string) => void;
  /** The names rendered values hold under a prefix ("features.0.fields."). */
  names: (prefix: string) => string[];
};

export function rowKit(
  form: UseFormReturn<TemplateFormValues>,
  values: TemplateFormFields,
  serverError: (name: string) => string | undefined,
): RowKit {
  const error = (name: string) => {
    const client = get(form.formState.errors, name) as { message?: string } | undefined;
    return client?.message ?? serverError(name);
  };
  const value = (name: string) => values[name] ?? "";
  return {
    value,
    error,
    text: (name) => ({ ...form.register(name), defaultValue: value(name), error: error(name) }),
    checkbox: (name) => ({
      ...form.register(name),
      defaultChecked: value(name) === "on" || value(name) === "true",
      error: error(name),
    }),
    unregister: (name) => form.unregister(name),
    names: (prefix) => Object.keys(values).filter((name) => name.startsWith(prefix)),
  };
}
