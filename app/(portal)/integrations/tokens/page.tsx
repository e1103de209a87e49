import type { Metadata } from "next";
import { EmptyState } from "@/components/data-table";
import { Pane } from "@/components/pane";
import { loadTokenManager, type SearchParams, TokenManager } from "./token-manager";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage({ searchParams }: { searchParams: SearchParams }) {
  const loaded = await loadTokenManager(searchParams);
  return (
    <TokenManager
      loaded={loaded}
      detail={
        <Pane title="Token Details">
          <EmptyState title="No token selected">
            Choose a token to see its scopes and when it was last used
            {loaded.mayManage ? ", or create one with New token." : "."}
          </EmptyState>
        </Pane>
      }
    />
  );
}
