import Link from "next/link";
import type { ComponentProps } from "react";
import { cx } from "./cx";

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";
export type ButtonSize = "sm" | "md";

const base =
  "inline-flex items-center justify-center gap-1.5 whitespace-nowrap rounded-md font-medium " +
  "transition-colors disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:pointer-events-none aria-disabled:opacity-60";

const variants: Record<ButtonVariant, string> = {
  primary: "bg-accent-600 text-white shadow-xs hover:bg-accent-700 active:bg-accent-800",
  secondary:
    "border border-neutral-300 bg-white text-neutral-800 shadow-xs hover:bg-neutral-50 active:bg-neutral-100",
  danger: "bg-red-700 text-white shadow-xs hover:bg-red-800 active:bg-red-900",
  ghost: "text-neutral-700 hover:bg-neutral-100 hover:text-neutral-900 active:bg-neutral-200",
};

const sizes: Record<ButtonSize, string> = {
  sm: "h-8 px-2.5 text-xs",
  md: "h-9 px-3.5 text-sm",
};

/** The classes every button-looking element shares (buttons, links, dialog triggers). */
export function buttonClasses(variant: ButtonVariant = "primary", size: ButtonSize = "md"): string {
  return cx(base, variants[variant], sizes[size]);
}

export type ButtonProps = ComponentProps<"button"> & { variant?: ButtonVariant; size?: ButtonSize };

/** A native button. Like the platform, it submits by default inside a form. */
export function Button({ variant, size, className, type = "submit", ...rest }: ButtonProps) {
  return <button type={type} className={cx(buttonClasses(variant, size), className)} {...rest} />;
}

export type ButtonLinkProps = ComponentProps<typeof Link> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
};

/** A link that looks like a button, for navigation ("New user", "Cancel"). */
export function ButtonLink({ variant, size, className, ...rest }: ButtonLinkProps) {
  return <Link className={cx(buttonClasses(variant, size), className)} {...rest} />;
}
