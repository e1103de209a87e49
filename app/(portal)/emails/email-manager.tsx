import Link from "next/link";
import type { ReactNode } from "react";
import { ButtonLink } from "@/components/button";
import { EmptyState, Table, TD, TH, THead, TR } from "@/components/data-table";
import { MasterDetail, Pane } from "@/components/pane";
import { requireActor } from "@/lib/auth/current-user";
import { type EmailListPage, listEmails } from "@/lib/email/list-emails";
import { emailKindLabel } from "@/lib/email/templates";
import { pageData } from "@/lib/page-guard";
import { EmailStatusBadge } from "./email-status-badge";
import { EmailTime } from "./email-time";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The list page the URL names (?after=…), kept in links so the list stays where it was. */
async function listPosition(searchParams: SearchParams | undefined): Promise<string> {
  const after = (await searchParams)?.after;
  const value = Array.isArray(after) ? after[0] : after;
  return value && value.length <= 200 ? value : "";
}

export const withList = (path: string, after: string) =>
  after ? `${path}?${new URLSearchParams({ after })}` : path;

/** What every Emails page shares: the actor and the list's page. */
export async function loadEmailManager(searchParams?: SearchParams) {
  const actor = await requireActor();
  const after = await listPosition(searchParams);
  const page = await pageData(() => listEmails({ actor, after: after || undefined }));
  return { actor, after, page };
}

export type LoadedEmailManager = Awaited<ReturnType<typeof loadEmailManager>>;

function EmailList({
  page,
  after,
  selectedId,
}: {
  page: EmailListPage;
  after: string;
  selectedId?: string;
}) {
  if (page.rows.length === 0) {
    return (
      <EmptyState title={after ? "No more messages" : "No messages yet"}>
        {after ? (
          <Link href="/emails">Back to the first page</Link>
        ) : (
          "Messages the portal sends (login instructions, password resets, alerts) appear here."
        )}
      </EmptyState>
    );
  }
  return (
    <Table caption="Emails" className="max-h-[70vh]">
      <THead>
        <tr>
          <TH>Recipient</TH>
          <TH>Subject and kind</TH>
          <TH>Status</TH>
          <TH className="text-right">Attempts</TH>
          <TH>Created / Sent</TH>
        </tr>
      </THead>
      <tbody>
        {page.rows.map((email) => (
          <TR key={email.id} selected={email.id === selectedId}>
            <TD className="max-w-40 truncate text-neutral-700" title={email.toAddress}>
              {email.toAddress}
            </TD>
            <TD className="max-w-72 min-w-44">
              <Link
                href={withList(`/emails/${email.id}`, after)}
                className="line-clamp-2 font-medium text-neutral-900 hover:text-accent-700 hover:underline"
              >
                {email.subject || "(no subject)"}
              </Link>
              <span className="block text-xs text-neutral-600">{emailKindLabel(email.kind)}</span>
            </TD>
            <TD>
              <EmailStatusBadge status={email.status} />
            </TD>
            <TD className="text-right tabular-nums text-neutral-700">{email.attempts}</TD>
            <TD className="whitespace-nowrap text-neutral-700">
              <EmailTime value={email.createdAt} empty="" />
              <span className="block text-xs text-neutral-600">
                <EmailTime value={email.sentAt} empty="Not sent" />
              </span>
            </TD>
          </TR>
        ))}
      </tbody>
    </Table>
  );
}

/** The list of messages beside the route's detail pane. */
export function EmailManager({
  loaded,
  selectedId,
  detail,
}: {
  loaded: LoadedEmailManager;
  selectedId?: string;
  detail: ReactNode;
}) {
  const { page, after } = loaded;
  const paging =
    after || page.nextAfter ? (
      <nav aria-label="Pages" className="flex justify-end gap-2">
        {after ? (
          <ButtonLink variant="secondary" size="sm" href="/emails">
            First page
          </ButtonLink>
        ) : null}
        {page.nextAfter ? (
          <ButtonLink variant="secondary" size="sm" href={withList("/emails", page.nextAfter)}>
            Next page
          </ButtonLink>
        ) : null}
      </nav>
    ) : undefined;
  return (
    <>
      <h1 className="sr-only">Emails</h1>
      <MasterDetail
        showDetailOnNarrow={selectedId !== undefined}
        list={
          <Pane title="Emails" footer={paging}>
            <EmailList page={page} after={after} selectedId={selectedId} />
          </Pane>
        }
        detail={detail}
      />
    </>
  );
}
