import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth-card";
import { ColorDot } from "@/components/color-dot";
import { currentSession } from "@/lib/auth/current-user";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { getLicenceOverview } from "@/lib/licence/current-licence";
import { AcceptLicenceForm } from "./accept-licence-form";
import { PublishLicenceForm } from "./publish-licence-form";

export const metadata: Metadata = { title: "Licence agreement" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

export default async function LicencePage({ searchParams }: Props) {
  const next = safeRedirectPath((await searchParams).next, "/");
  const session = await currentSession();
  if (session.status === "anonymous") {
    // Back here after signing in, still knowing where the user was going.
    const callbackUrl = `/licence?${new URLSearchParams({ next })}`;
    redirect(`/sign-in?${new URLSearchParams({ callbackUrl })}`);
  }
  const overview = await getLicenceOverview({ actor: session.actor });
  if (!overview) redirect(next);
  const { current, acceptedAt, mayManage, pending } = overview;

  return (
    <AuthCard
      title="Licence agreement"
      description={`Version ${current.version}, published ${dateFormat.format(current.publishedAt)}.`}
      wide
    >
      {current.version > 1 && current.summary ? (
        <p className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <span className="font-medium">What changed:</span> {current.summary}
        </p>
      ) : null}
      <section
        aria-label="Licence text"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the scrollable text must be reachable by keyboard.
        tabIndex={0}
        className="max-h-96 overflow-y-auto rounded-md border border-neutral-200 bg-neutral-50 p-4 text-sm leading-6 whitespace-pre-wrap text-neutral-800"
      >
        {current.body}
      </section>
      {acceptedAt ? (
        <p className="mt-4 text-sm text-neutral-700">
          You accepted this version on {dateFormat.format(acceptedAt)}.{" "}
          <a className="font-medium text-accent-700 underline" href={next}>
            Continue
          </a>
        </p>
      ) : (
        <AcceptLicenceForm versionId={current.id} next={next} />
      )}
      {mayManage && acceptedAt ? (
        <div className="mt-8 space-y-8 border-t border-neutral-200 pt-6">
          <section aria-labelledby="pending-heading">
            <h2 id="pending-heading" className="text-base font-semibold">
              Not yet accepted ({pending.length}
              {pending.length === 200 ? "+" : ""})
            </h2>
            {pending.length === 0 ? (
              <p className="mt-2 text-sm text-neutral-600">
                Every active user has accepted version {current.version}.
              </p>
            ) : (
              <ul className="mt-2 grid gap-1 text-sm sm:grid-cols-2">
                {pending.map((user) => (
                  <li key={user.id} className="flex items-center gap-2">
                    <ColorDot color={user.color} />
                    <span className="font-medium">{user.userName}</span>
                    <span className="truncate text-neutral-600">{user.email}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <PublishLicenceForm currentBody={current.body} />
        </div>
      ) : null}
    </AuthCard>
  );
}
