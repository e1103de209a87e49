import Link from "next/link";
import type { ReactNode } from "react";
import { Wordmark } from "./auth-card";
import { ColorDot } from "./color-dot";
import { type NavLink, NavLinks } from "./nav-links";

export type NavItem = NavLink;
export type ShellUser = { displayName: string; userName: string; color?: string };

const menuItem =
  "block w-full rounded px-3 py-1.5 text-left text-sm text-neutral-800 hover:bg-neutral-100";

/** The user's menu: a native <details>, so it opens and signs out without JavaScript. */
function UserMenu({
  user,
  signOutAction,
}: {
  user: ShellUser;
  signOutAction: (formData: FormData) => void | Promise<void>;
}) {
  return (
    <details className="group relative">
      <summary className="flex list-none items-center gap-2 rounded-md px-2 py-1.5 text-sm font-medium text-neutral-800 hover:bg-neutral-100">
        <ColorDot color={user.color} />
        <span className="max-w-48 truncate">{user.displayName}</span>
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          fill="currentColor"
          className="size-4 text-neutral-600 transition-transform group-open:rotate-180"
        >
          <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4Z" />
        </svg>
      </summary>
      <div className="absolute right-0 z-30 mt-1 w-60 rounded-md border border-neutral-200 bg-white p-1 shadow-lg">
        <p className="border-b border-neutral-100 px-3 pt-1.5 pb-2 text-xs text-neutral-600">
          Signed in as{" "}
          <span className="block truncate font-medium text-neutral-900">{user.userName}</span>
        </p>
        <ul className="py-1">
          <li>
            <Link href="/profile" className={menuItem}>
              Profile
            </Link>
          </li>
          <li>
            <Link href="/licence" className={menuItem}>
              Licence
            </Link>
          </li>
        </ul>
        <form action={signOutAction} className="border-t border-neutral-100 pt-1">
          <button type="submit" className={menuItem}>
            Sign out
          </button>
        </form>
      </div>
    </details>
  );
}

/** The console frame: sidebar (top bar on phones), header with the user's menu, main. */
export function AppShell({
  organizationName,
  organizationLogoUrl,
  user,
  nav,
  signOutAction,
  children,
}: {
  organizationName: string;
  /** Only when the organization has a logo. */
  organizationLogoUrl?: string;
  user: ShellUser;
  nav: NavItem[];
  signOutAction: (formData: FormData) => void | Promise<void>;
  children: ReactNode;
}) {
  return (
    <>
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-white text-sm font-medium text-accent-700 shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <div className="min-h-screen lg:flex">
        <nav
          aria-label="Main"
          className="border-b border-neutral-200 bg-white print:hidden lg:sticky lg:top-0 lg:flex lg:h-screen lg:w-56 lg:shrink-0 lg:flex-col lg:border-r lg:border-b-0"
        >
          <div className="flex h-12 items-center px-4 lg:h-14">
            <Link href="/" className="rounded-md">
              <Wordmark />
            </Link>
          </div>
          <NavLinks items={nav} />
        </nav>
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="flex h-14 items-center justify-between gap-4 border-b border-neutral-200 bg-white px-4 print:hidden lg:px-6">
            <div className="flex min-w-0 items-center gap-2">
              {organizationLogoUrl ? (
                // biome-ignore lint/performance/noImgElement: the logo route serves it with its own caching.
                <img
                  src={organizationLogoUrl}
                  alt={organizationName}
                  className="h-7 w-auto max-w-24 shrink-0 object-contain"
                />
              ) : null}
              <p className="truncate text-sm font-semibold text-neutral-900">{organizationName}</p>
            </div>
            <UserMenu user={user} signOutAction={signOutAction} />
          </header>
          <main id="main" tabIndex={-1} className="flex-1 px-4 py-5 focus:outline-none lg:px-6">
            {children}
          </main>
        </div>
      </div>
    </>
  );
}
