import { type ReactNode, useId } from "react";
import { cx } from "./cx";

/** A white card with a titled header; the building block of master/detail pages. */
export function Pane({
  title,
  actions,
  children,
  className,
  footer,
}: {
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  footer?: ReactNode;
}) {
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className={cx("pane", className)}>
      <div className="pane-header">
        <h2 id={titleId} className="text-sm font-semibold text-neutral-900">
          {title}
        </h2>
        {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
      <div className="min-h-0 flex-1">{children}</div>
      {footer ? (
        <div className="border-t border-neutral-200 bg-neutral-50 px-4 py-2.5 text-sm text-neutral-700">
          {footer}
        </div>
      ) : null}
    </section>
  );
}

/**
 * List beside details on wide screens; one pane at a time on narrow ones, so a
 * phone shows the details once a row is chosen and the list otherwise.
 */
export function MasterDetail({
  list,
  detail,
  showDetailOnNarrow,
}: {
  list: ReactNode;
  detail: ReactNode;
  showDetailOnNarrow: boolean;
}) {
  return (
    <div className="grid items-start gap-4 lg:grid-cols-12">
      <div
        className={cx(
          "min-w-0 lg:col-span-7 2xl:col-span-6",
          showDetailOnNarrow && "hidden lg:block",
        )}
      >
        {list}
      </div>
      <div
        className={cx(
          "min-w-0 lg:col-span-5 2xl:col-span-6",
          !showDetailOnNarrow && "hidden lg:block",
        )}
      >
        {detail}
      </div>
    </div>
  );
}
