import type { ComponentProps, ReactNode } from "react";
import { type ButtonSize, type ButtonVariant, buttonClasses } from "./button";

type Props = {
  href: string;
  children: ReactNode;
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
} & Omit<ComponentProps<"button">, "type" | "formAction">;

/**
 * A real button that navigates (a GET form), for controls the product calls
 * buttons ("Add New", "Edit"): it works without scripts and reads as a button.
 */
export function LinkButton({
  href,
  children,
  variant = "primary",
  size = "md",
  className,
  ...rest
}: Props) {
  const url = new URL(href, "http://portal.invalid");
  return (
    <form action={url.pathname} method="get" className="inline-flex">
      {[...url.searchParams].map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        className={[buttonClasses(variant, size), className].filter(Boolean).join(" ")}
        {...rest}
      >
        {children}
      </button>
    </form>
  );
}
