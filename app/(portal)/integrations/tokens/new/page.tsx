import type { Metadata } from "next";
import Link from "next/link";
import { Pane } from "@/components/pane";
import { earliestExpiryDay, latestExpiryDay } from "@/lib/api-tokens/token-expiry";
import { grantableScopes } from "@/lib/api-tokens/token-scopes";
import { requireActor } from "@/lib/auth/current-user";
import { pageRequires } from "@/lib/page-guard";
import { loadTokenManager, type SearchParams, TokenManager } from "../token-manager";
import { TokenForm } from "./token-form";

export const metadata: Metadata = { title: "New API token" };

export default async function NewApiTokenPage({ searchParams }: { searchParams: SearchParams }) {
  // Checked before the list loads, so the "Not allowed" page can name Integrations: Manage.
  pageRequires(await requireActor(), "integrations", "manage");
  const loaded = await loadTokenManager(searchParams);
  const now = new Date();
  return (
    <TokenManager
      loaded={loaded}
      selectedId=""
      detail={
        <Pane
          title="New token"
          actions={
            <Link
              href="/integrations/tokens"
              className="text-sm text-accent-700 underline lg:hidden"
            >
              Back to list
            </Link>
          }
        >
          <TokenForm
            grantable={grantableScopes(loaded.actor)}
            earliestExpiry={earliestExpiryDay(now)}
            latestExpiry={latestExpiryDay(now)}
          />
        </Pane>
      }
    />
  );
}
