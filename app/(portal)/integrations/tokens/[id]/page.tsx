import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmDialog } from "@/components/dialog";
import { Pane } from "@/components/pane";
import { getApiToken } from "@/lib/api-tokens/get-api-token";
import { mayChangeUser } from "@/lib/auth/permissions";
import { pageData } from "@/lib/page-guard";
import { revokeApiTokenAction } from "../actions";
import { loadTokenManager, type SearchParams, TokenManager, withList } from "../token-manager";
import { revokeConsequence } from "./revoke-consequence";
import { TokenSummary } from "./token-summary";

export const metadata: Metadata = { title: "API token details" };

export default async function ApiTokenPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: SearchParams;
}) {
  const { id } = await params;
  const loaded = await loadTokenManager(searchParams);
  const { actor, after, mayManage } = loaded;
  const token = await pageData(() => getApiToken({ actor, tokenId: id }));
  const mayRevoke =
    mayManage && token.status !== "revoked" && mayChangeUser(actor, { role: token.createdByRole });
  return (
    <TokenManager
      loaded={loaded}
      selectedId={token.id}
      detail={
        <Pane
          title={token.name}
          actions={
            <>
              <Link
                href={withList("/integrations/tokens", after)}
                className="text-sm text-accent-700 underline lg:hidden"
              >
                Back to list
              </Link>
              {mayRevoke ? (
                <ConfirmDialog
                  triggerLabel="Revoke"
                  triggerVariant="danger"
                  title={`Revoke token ${token.name}?`}
                  description={revokeConsequence(token)}
                  confirmLabel="Revoke"
                  fallbackHref={`/integrations/tokens/${token.id}/revoke`}
                  action={revokeApiTokenAction}
                  hiddenFields={{ id: token.id }}
                />
              ) : null}
            </>
          }
        >
          <TokenSummary token={token} />
        </Pane>
      }
    />
  );
}
