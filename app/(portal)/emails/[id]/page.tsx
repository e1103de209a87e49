import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/button";
import { Pane } from "@/components/pane";
import { can } from "@/lib/auth/permissions";
import { getEmail } from "@/lib/email/get-email";
import { emailKindLabel } from "@/lib/email/templates";
import { pageData } from "@/lib/page-guard";
import { InstanceTime } from "../../instances/instance-time";
import { retryEmailAction } from "../actions";
import { EmailManager, loadEmailManager, type SearchParams, withList } from "../email-manager";
import { EmailStatusBadge } from "../email-status-badge";
import { EmailMessage } from "./email-message";
import { EmailProgress } from "./email-progress";

export const metadata: Metadata = { title: "Email details" };

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 px-4 py-2.5 sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-neutral-600">{term}</dt>
      <dd className="text-sm break-words text-neutral-900 sm:col-span-2">{children}</dd>
    </div>
  );
}

export default async function EmailPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: SearchParams;
}) {
  const { id } = await params;
  const loaded = await loadEmailManager(searchParams);
  const { actor, after } = loaded;
  const email = await pageData(() => getEmail({ actor, emailId: id }));
  const mayRetry = email.retryRefusal === null && can(actor, "organization", "edit");
  return (
    <EmailManager
      loaded={loaded}
      selectedId={email.id}
      detail={
        <Pane
          title={email.subject || "(no subject)"}
          actions={
            <Link
              href={withList("/emails", after)}
              className="text-sm text-accent-700 underline lg:hidden"
            >
              Back to list
            </Link>
          }
        >
          <dl className="divide-y divide-neutral-100">
            <Row term="Status">
              <div aria-live="polite" className="space-y-1">
                <EmailStatusBadge status={email.status} />
                <EmailProgress email={email} />
              </div>
            </Row>
            <Row term="To">{email.toAddress}</Row>
            <Row term="From">{email.fromAddress}</Row>
            {email.replyTo ? <Row term="Reply-To">{email.replyTo}</Row> : null}
            <Row term="Kind">{emailKindLabel(email.kind)}</Row>
            <Row term="Attempts">
              <span className="tabular-nums">{email.attempts}</span>
            </Row>
            <Row term="Created">
              <InstanceTime value={email.createdAt} />
            </Row>
            <Row term="Sent">
              <InstanceTime value={email.sentAt} empty="Not yet" />
            </Row>
          </dl>
          {mayRetry ? (
            <form
              action={retryEmailAction}
              className="flex flex-wrap items-center gap-3 border-t border-neutral-200 p-4"
            >
              <input type="hidden" name="id" value={email.id} />
              <Button type="submit" variant="secondary" aria-describedby="retry-help">
                Retry
              </Button>
              <p id="retry-help" className="text-xs text-neutral-600">
                Queues the message again; the provider still takes it at most once.
              </p>
            </form>
          ) : null}
          <EmailMessage email={email} />
        </Pane>
      }
    />
  );
}
