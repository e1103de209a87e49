import Link from "next/link";
import type { ComponentProps } from "react";
import { cx } from "./cx";

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";
export type ButtonSize = "sm" | "md";

// The classes live in app/globals.css (@layer components): a page has many buttons, and
// each would otherwise carry its whole list of utilities in the HTML and again in the
// page's payload.
const variants: Record<ButtonVariant, string> = {
  primary: "btn-primary",
  secondary: "btn-secondary",
  danger: "btn-danger",
  ghost: "btn-ghost",
};

const sizes: Record<ButtonSize, string> = {
  sm: "btn-sm",
  md: "btn-md",
};

/** The classes every button-looking element shares (buttons, links, dialog triggers). */
export function buttonClasses(variant: ButtonVariant = "primary", size: ButtonSize = "md"): string {
  return cx("btn", variants[variant], sizes[size]);
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
