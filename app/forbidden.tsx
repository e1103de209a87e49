import Link from "next/link";
import { ForbiddenMessage } from "@/components/status-message";
import { currentSession, requestedPath } from "@/lib/auth/current-user";
import { permissionLabel } from "@/lib/auth/modules";
import type { ForbiddenError } from "@/lib/errors";
import { recordedRefusal, refusalForPath } from "@/lib/page-guard";
import { listAdministrators } from "@/lib/users/list-administrators";

function fullName(person: { firstName: string; lastName: string }): string {
  return [person.firstName, person.lastName].filter(Boolean).join(" ");
}

/**
 * The "Not allowed" page's body. With the refusal known it names the missing permission
 * and the Administrators to ask; without it, the permission the requested path needs
 * (see lib/page-guard.ts). Next.js renders this on every request: the session is the
 * request's own (cached), and the Administrators are loaded only for a refusal.
 */
export async function ForbiddenNotice({
  refusal,
  standalone,
}: {
  refusal: ForbiddenError | undefined;
  standalone: boolean;
}) {
  const session = await currentSession();
  if (session.status === "anonymous") return <ForbiddenMessage standalone={standalone} />;
  refusal ??= refusalForPath(session.actor, await requestedPath());
  if (!refusal) return <ForbiddenMessage standalone={standalone} />;
  const { administrators, more } = await listAdministrators({ actor: session.actor });
  const needed = refusal.permission ? permissionLabel(refusal.permission) : undefined;
  const subject = needed
    ? `Switchboard: please give me ${needed}`
    : "Switchboard: a permission I need";
  const Container = standalone ? "main" : "div";
  return (
    <Container id={standalone ? "main" : undefined} className="mx-auto max-w-lg px-4 py-16">
      <div className="text-center">
        <p className="text-sm font-semibold text-accent-700">403</p>
        <h1 className="mt-2 text-2xl font-semibold">Not allowed</h1>
        <p className="mt-2 text-neutral-700">
          {needed ? (
            <>
              You need the permission <strong className="font-semibold">{needed}</strong> to open
              this page or do this.
            </>
          ) : (
            refusal.message
          )}
        </p>
      </div>
      <section
        aria-labelledby="administrators-heading"
        className="mt-8 rounded-lg border border-neutral-200 bg-white p-4 shadow-xs"
      >
        <h2 id="administrators-heading" className="text-sm font-semibold text-neutral-900">
          Ask an Administrator of {session.user.accountName}
        </h2>
        {administrators.length === 0 ? (
          <p className="mt-2 text-sm text-neutral-700">
            This organization has no active Administrator.
          </p>
        ) : (
          <ul className="mt-2 divide-y divide-neutral-100 text-sm">
            {administrators.map((administrator) => (
              <li
                key={administrator.id}
                className="flex flex-wrap items-baseline justify-between gap-x-3 py-2"
              >
                <span>
                  <span className="font-medium text-neutral-900">
                    {fullName(administrator) || administrator.userName}
                  </span>
                  {fullName(administrator) ? (
                    <span className="text-neutral-600"> ({administrator.userName})</span>
                  ) : null}
                </span>
                <a
                  href={`mailto:${administrator.email}?subject=${encodeURIComponent(subject)}`}
                  className="break-all text-accent-700 underline underline-offset-2"
                >
                  {administrator.email}
                </a>
              </li>
            ))}
          </ul>
        )}
        {more ? (
          <p className="mt-1 text-xs text-neutral-600">
            The organization has more Administrators; any of them can help.
          </p>
        ) : null}
      </section>
      <p className="mt-6 text-center">
        <Link href="/" className="font-medium text-accent-700 underline">
          Go to your start page
        </Link>
      </p>
    </Container>
  );
}

export default function Forbidden() {
  // Read at once: see lib/page-guard.ts for when the refusal is known by now.
  return <ForbiddenNotice refusal={recordedRefusal()} standalone={true} />;
}
