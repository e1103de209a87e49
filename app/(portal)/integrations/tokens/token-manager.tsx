import Link from "next/link";
import type { ReactNode } from "react";
import { ButtonLink } from "@/components/button";
import { EmptyState, Table, TD, TH, THead, TR } from "@/components/data-table";
import { LinkButton } from "@/components/link-button";
import { MasterDetail, Pane } from "@/components/pane";
import { type ApiTokenListPage, listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import { scopeSummary } from "@/lib/api-tokens/token-scopes";
import { requireActor } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { pageData } from "@/lib/page-guard";
import { InstanceTime } from "../../instances/instance-time";
import { TokenStatusBadge } from "./token-status-badge";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The list page the URL names (?after=…), kept in links so the list stays where it was. */
async function listPosition(searchParams: SearchParams | undefined): Promise<string> {
  const after = (await searchParams)?.after;
  const value = Array.isArray(after) ? after[0] : after;
  return value && value.length <= 200 ? value : "";
}

export const withList = (path: string, after: string) =>
  after ? `${path}?${new URLSearchParams({ after })}` : path;

/** What every API tokens page shares: the actor and the list's page. */
export async function loadTokenManager(searchParams?: SearchParams) {
  const actor = await requireActor();
  const after = await listPosition(searchParams);
  const page = await pageData(() => listApiTokens({ actor, after: after || undefined }));
  return { actor, after, page, mayManage: can(actor, "integrations", "manage") };
}

export type LoadedTokenManager = Awaited<ReturnType<typeof loadTokenManager>>;

function TokenList({
  page,
  after,
  mayManage,
  selectedId,
}: {
  page: ApiTokenListPage;
  after: string;
  mayManage: boolean;
  selectedId?: string;
}) {
  if (page.rows.length === 0) {
    return (
      <EmptyState title={after ? "No more tokens" : "No API tokens yet"}>
        {after ? (
          <Link href="/integrations/tokens">Back to the first page</Link>
        ) : mayManage ? (
          <>
            A token lets another system use the REST API on your behalf, with the scopes you choose.{" "}
            <Link href="/integrations/tokens/new">Create the first token</Link>
          </>
        ) : (
          "A token lets another system use the REST API. Someone with Integrations: Manage creates them."
        )}
      </EmptyState>
    );
  }
  return (
    <Table caption="API tokens" className="max-h-[70vh]">
      <THead>
        <tr>
          <TH>Name and scopes</TH>
          <TH>Token</TH>
          <TH>Status</TH>
          <TH>Created</TH>
          <TH>Expires</TH>
          <TH>Last used</TH>
        </tr>
      </THead>
      <tbody>
        {page.rows.map((token) => (
          <TR key={token.id} selected={token.id === selectedId}>
            <TD className="max-w-64 min-w-44">
              <Link
                href={withList(`/integrations/tokens/${token.id}`, after)}
                className="font-medium break-words text-neutral-900 hover:text-accent-700 hover:underline"
              >
                {token.name}
              </Link>
              <span className="block text-xs text-neutral-600">{scopeSummary(token.scopes)}</span>
            </TD>
            <TD className="whitespace-nowrap">
              <code className="font-mono text-xs text-neutral-800">{token.displayPrefix}…</code>
            </TD>
            <TD>
              <TokenStatusBadge status={token.status} />
            </TD>
            <TD className="whitespace-nowrap text-neutral-700">
              <InstanceTime value={token.createdAt} empty="" />
              <span className="block text-xs text-neutral-600">by {token.createdByUserName}</span>
            </TD>
            <TD className="whitespace-nowrap text-neutral-700">
              <InstanceTime value={token.expiresAt} empty="Never" />
            </TD>
            <TD className="whitespace-nowrap text-neutral-700">
              <InstanceTime value={token.lastUsedAt} empty="Never" />
              {token.lastUsedAddress ? (
                <span className="block text-xs text-neutral-600">from {token.lastUsedAddress}</span>
              ) : null}
            </TD>
          </TR>
        ))}
      </tbody>
    </Table>
  );
}

/** The account's API tokens beside the route's detail pane. */
export function TokenManager({
  loaded,
  selectedId,
  detail,
}: {
  loaded: LoadedTokenManager;
  selectedId?: string;
  detail: ReactNode;
}) {
  const { page, after, mayManage } = loaded;
  const paging =
    after || page.nextAfter ? (
      <nav aria-label="Pages" className="flex justify-end gap-2">
        {after ? (
          <ButtonLink variant="secondary" size="sm" href="/integrations/tokens">
            First page
          </ButtonLink>
        ) : null}
        {page.nextAfter ? (
          <ButtonLink
            variant="secondary"
            size="sm"
            href={withList("/integrations/tokens", page.nextAfter)}
          >
            Next page
          </ButtonLink>
        ) : null}
      </nav>
    ) : undefined;
  return (
    <>
      <h1 className="sr-only">API tokens</h1>
      <MasterDetail
        showDetailOnNarrow={selectedId !== undefined}
        list={
          <Pane
            title="API tokens"
            actions={
              mayManage ? (
                <LinkButton href="/integrations/tokens/new" size="sm">
                  New token
                </LinkButton>
              ) : null
            }
            footer={paging}
          >
            <TokenList page={page} after={after} mayManage={mayManage} selectedId={selectedId} />
          </Pane>
        }
        detail={detail}
      />
    </>
  );
}
