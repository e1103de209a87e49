import type { Metadata } from "next";
import { Button, ButtonLink } from "@/components/button";
import { Pane } from "@/components/pane";
import { getApiToken } from "@/lib/api-tokens/get-api-token";
import { requireActor } from "@/lib/auth/current-user";
import { pageData, pageRequires } from "@/lib/page-guard";
import { revokeApiTokenAction } from "../../actions";
import { loadTokenManager, type SearchParams, TokenManager } from "../../token-manager";
import { revokeConsequence } from "../revoke-consequence";

export const metadata: Metadata = { title: "Revoke API token" };

// The confirmation page used when scripts are off.
export default async function RevokeApiTokenPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: SearchParams;
}) {
  const { id } = await params;
  // Checked before the list loads, so the "Not allowed" page can name Integrations: Manage.
  pageRequires(await requireActor(), "integrations", "manage");
  const loaded = await loadTokenManager(searchParams);
  const token = await pageData(() => getApiToken({ actor: loaded.actor, tokenId: id }));
  return (
    <TokenManager
      loaded={loaded}
      selectedId={token.id}
      detail={
        <Pane title={`Revoke token ${token.name}?`}>
          <form action={revokeApiTokenAction} className="space-y-4 p-4">
            <input type="hidden" name="id" value={token.id} />
            <p className="text-sm text-neutral-700">
              {token.status === "revoked"
                ? `The token ${token.name} is already revoked.`
                : revokeConsequence(token)}
            </p>
            {/* Cancel, then the destructive action on the right: as in the dialog. */}
            <div className="flex justify-end gap-2">
              <ButtonLink href={`/integrations/tokens/${token.id}`} variant="secondary">
                Cancel
              </ButtonLink>
              {token.status === "revoked" ? null : (
                <Button type="submit" variant="danger">
                  Revoke
                </Button>
              )}
            </div>
          </form>
        </Pane>
      }
    />
  );
}
