"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cx } from "./cx";

export type SectionTab = { href: string; label: string };

/** A section's own navigation above each of its pages (Billing, Integrations); not printed. */
export function SectionTabs({ label, tabs }: { label: string; tabs: SectionTab[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="border-b border-neutral-200 print:hidden">
      <ul className="flex gap-4">
        {tabs.map((tab) => {
          const current = pathname === tab.href || pathname.startsWith(`${tab.href}/`);
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={current ? "page" : undefined}
                className={cx(
                  "-mb-px block border-b-2 px-1 py-2 text-sm",
                  current
                    ? "border-accent-600 font-medium text-accent-800"
                    : "border-transparent text-neutral-600 hover:text-neutral-900",
                )}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
