import type { ReactNode } from "react";
import type { ApiTokenDetails } from "@/lib/api-tokens/get-api-token";
import { scopesByModule } from "@/lib/api-tokens/token-scopes";
import { InstanceTime } from "../../../instances/instance-time";
import { TokenStatusBadge } from "../token-status-badge";

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 px-4 py-2.5 sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-neutral-600">{term}</dt>
      <dd className="text-sm break-words text-neutral-900 sm:col-span-2">{children}</dd>
    </div>
  );
}

/** Everything known about a token but the token itself, which only its creator saw, once. */
export function TokenSummary({ token }: { token: ApiTokenDetails }) {
  const groups = scopesByModule(token.scopes);
  return (
    <dl className="divide-y divide-neutral-100">
      <Row term="Status">
        <TokenStatusBadge status={token.status} />
      </Row>
      <Row term="Token">
        <code className="font-mono text-xs">{token.displayPrefix}…</code>
        <span className="block text-xs text-neutral-600">
          The rest is not stored; only its creator saw it, once.
        </span>
      </Row>
      <Row term="Scopes">
        {groups.length === 0 ? (
          <span className="text-neutral-600">None</span>
        ) : (
          <ul className="space-y-0.5">
            {groups.map((group) => (
              <li key={group.module}>
                <span className="font-medium">{group.label}:</span>{" "}
                {group.actions.map((action) => action.label).join(", ")}
              </li>
            ))}
          </ul>
        )}
      </Row>
      <Row term="Created">
        <InstanceTime value={token.createdAt} /> by {token.createdByUserName}
      </Row>
      <Row term="Expires">
        <InstanceTime value={token.expiresAt} empty="Never" />
      </Row>
      <Row term="Last used">
        <InstanceTime value={token.lastUsedAt} empty="Never" />
        {token.lastUsedAddress ? (
          <span className="block text-xs text-neutral-600">from {token.lastUsedAddress}</span>
        ) : null}
      </Row>
      {token.revokedAt ? (
        <Row term="Revoked">
          <InstanceTime value={token.revokedAt} />
        </Row>
      ) : null}
    </dl>
  );
}
