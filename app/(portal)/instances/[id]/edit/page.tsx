import type { Metadata } from "next";
import { Pane } from "@/components/pane";
import { requireActor } from "@/lib/auth/current-user";
import { getInstance } from "@/lib/instances/get-instance";
import { regions } from "@/lib/instances/regions";
import { pageData, pageRequires } from "@/lib/page-guard";
import { InstanceForm } from "../../instance-form";
import { InstanceManager, loadInstanceManager, type SearchParams } from "../../instance-manager";

export const metadata: Metadata = { title: "Edit instance" };

export default async function EditInstancePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: SearchParams;
}) {
  const { id } = await params;
  // Checked before the list loads, so the "Not allowed" page can name Instances: Edit.
  pageRequires(await requireActor(), "instances", "edit");
  const loaded = await loadInstanceManager(searchParams);
  const instance = await pageData(() => getInstance({ actor: loaded.actor, instanceId: id }));
  // A region no longer offered must be chosen again rather than silently replaced.
  const region = regions.find((candidate) => candidate === instance.region);
  return (
    <InstanceManager
      loaded={loaded}
      selectedId={instance.id}
      detail={
        <Pane title={`Edit ${instance.name}`}>
          <InstanceForm
            key={instance.id}
            instanceId={instance.id}
            defaults={{ name: instance.name, region, notes: instance.notes }}
            cancelHref={`/instances/${instance.id}`}
          />
        </Pane>
      }
    />
  );
}
