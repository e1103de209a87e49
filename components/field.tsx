import type { ComponentProps, ReactNode } from "react";
import { cx } from "./cx";

/** Shared look for text inputs, selects and textareas. */
/** Text inputs, selects and text areas; the styles are in app/globals.css (one short name per field). */
export const inputClasses = "input";

export type ControlProps = {
  id: string;
  "aria-invalid": boolean | undefined;
  "aria-describedby": string | undefined;
  "aria-required"?: boolean;
};

type Described = { id: string; error?: string; help?: ReactNode };

function controlProps({
  id,
  error,
  help,
  required,
}: Described & { required?: boolean }): ControlProps {
  const describedBy = [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean);
  return {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy.length > 0 ? describedBy.join(" ") : undefined,
    ...(required ? { "aria-required": true } : {}),
  };
}

/** Help under the control, then the error; the control points at both. */
function Messages({ id, error, help }: Described) {
  return (
    <>
      {help ? (
        <p id={`${id}-help`} className="mt-1 text-xs text-neutral-600">
          {help}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-xs font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </>
  );
}

export type FieldProps = {
  label: string;
  name: string;
  id?: string;
  error?: string;
  help?: ReactNode;
  required?: boolean;
  className?: string;
  children: (props: ControlProps) => ReactNode;
};

/** A labelled control; the render prop receives the id and ARIA wiring. */
export function Field({
  label,
  name,
  id = name,
  error,
  help,
  required,
  className,
  children,
}: FieldProps) {
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-neutral-800">
        {label}
      </label>
      {children(controlProps({ id, error, help, required }))}
      <Messages id={id} error={error} help={help} />
    </div>
  );
}

type Common = { label: string; name: string; error?: string; help?: ReactNode };

export type TextInputProps = Common & Omit<ComponentProps<"input">, "name" | "children">;

/** The common case: a labelled text input. Accepts react-hook-form's `register()` spread. */
export function TextInput({
  label,
  error,
  help,
  className,
  type = "text",
  ...rest
}: TextInputProps) {
  const field = {
    label,
    error,
    help,
    className,
    name: rest.name,
    id: rest.id,
    required: rest.required,
  };
  return (
    <Field {...field}>
      {(control) => <input type={type} className={inputClasses} {...rest} {...control} />}
    </Field>
  );
}

export type SelectOption = { value: string; label: string };
export type SelectProps = Common & { options: SelectOption[] } & Omit<
    ComponentProps<"select">,
    "name" | "children"
  >;

/** A labelled native select. */
export function Select({ label, error, help, className, options, ...rest }: SelectProps) {
  const field = {
    label,
    error,
    help,
    className,
    name: rest.name,
    id: rest.id,
    required: rest.required,
  };
  return (
    <Field {...field}>
      {(control) => (
        <select className={inputClasses} {...rest} {...control}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export type CheckboxProps = Common & Omit<ComponentProps<"input">, "name" | "type" | "children">;

/** A checkbox with its label to the right and help/error beneath the label. */
export function Checkbox({ label, error, help, className, ...rest }: CheckboxProps) {
  const id = rest.id ?? rest.name;
  return (
    <div className={cx("flex items-start gap-2.5", className)}>
      <input
        type="checkbox"
        className="mt-0.5 size-4 shrink-0 rounded border-neutral-500/80 accent-accent-600"
        {...rest}
        {...controlProps({ id, error, help })}
      />
      <div className="min-w-0">
        <label htmlFor={id} className="block text-sm font-medium text-neutral-800">
          {label}
        </label>
        <Messages id={id} error={error} help={help} />
      </div>
    </div>
  );
}
