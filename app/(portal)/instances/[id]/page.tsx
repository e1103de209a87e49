import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmDialog } from "@/components/dialog";
import { LinkButton } from "@/components/link-button";
import { Pane } from "@/components/pane";
import { can } from "@/lib/auth/permissions";
import { getInstance } from "@/lib/instances/get-instance";
import { pageData } from "@/lib/page-guard";
import { deleteInstanceAction } from "../actions";
import {
  InstanceManager,
  loadInstanceManager,
  type SearchParams,
  withList,
} from "../instance-manager";
import { InstanceContents } from "./instance-contents";
import { deleteConsequence } from "./instance-delete-consequence";
import { InstanceRebuild } from "./instance-rebuild";
import { InstanceSummary } from "./instance-summary";

export const metadata: Metadata = { title: "Instance details" };

export default async function InstancePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: SearchParams;
}) {
  const { id } = await params;
  const loaded = await loadInstanceManager(searchParams);
  const { actor, after } = loaded;
  const instance = await pageData(() => getInstance({ actor, instanceId: id }));
  return (
    <InstanceManager
      loaded={loaded}
      selectedId={instance.id}
      detail={
        <Pane
          title={instance.name}
          actions={
            <>
              <Link
                href={withList("/instances", after)}
                className="text-sm text-accent-700 underline lg:hidden"
              >
                Back to list
              </Link>
              {can(actor, "instances", "edit") ? (
                <LinkButton href={`/instances/${instance.id}/edit`} variant="secondary" size="sm">
                  Edit
                </LinkButton>
              ) : null}
              {can(actor, "instances", "delete") ? (
                <ConfirmDialog
                  triggerLabel="Delete"
                  triggerVariant="danger"
                  title={`Delete instance ${instance.name}?`}
                  description={deleteConsequence(instance)}
                  confirmLabel="Delete"
                  fallbackHref={`/instances/${instance.id}/delete`}
                  action={deleteInstanceAction}
                  hiddenFields={{ id: instance.id }}
                />
              ) : null}
            </>
          }
        >
          <InstanceSummary instance={instance} />
          <InstanceRebuild instance={instance} canRebuild={can(actor, "instances", "rebuild")} />
          <InstanceContents instance={instance} canViewFeatures={can(actor, "features", "view")} />
        </Pane>
      }
    />
  );
}
