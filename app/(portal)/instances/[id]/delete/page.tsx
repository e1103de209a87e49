import type { Metadata } from "next";
import { Button, ButtonLink } from "@/components/button";
import { Pane } from "@/components/pane";
import { requireActor } from "@/lib/auth/current-user";
import { getInstance } from "@/lib/instances/get-instance";
import { pageData, pageRequires } from "@/lib/page-guard";
import { deleteInstanceAction } from "../../actions";
import { InstanceManager, loadInstanceManager, type SearchParams } from "../../instance-manager";
import { deleteConsequence } from "../instance-delete-consequence";

export const metadata: Metadata = { title: "Delete instance" };

// The confirmation page used when scripts are off.
export default async function DeleteInstancePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: SearchParams;
}) {
  const { id } = await params;
  // Checked before the list loads, so the "Not allowed" page can name Instances: Delete.
  pageRequires(await requireActor(), "instances", "delete");
  const loaded = await loadInstanceManager(searchParams);
  const instance = await pageData(() => getInstance({ actor: loaded.actor, instanceId: id }));
  return (
    <InstanceManager
      loaded={loaded}
      selectedId={instance.id}
      detail={
        <Pane title={`Delete instance ${instance.name}?`}>
          <form action={deleteInstanceAction} className="space-y-4 p-4">
            <input type="hidden" name="id" value={instance.id} />
            <p className="text-sm text-neutral-700">{deleteConsequence(instance)}</p>
            {/* Cancel, then the destructive action on the right: as in the dialog. */}
            <div className="flex justify-end gap-2">
              <ButtonLink href={`/instances/${instance.id}`} variant="secondary">
                Cancel
              </ButtonLink>
              <Button type="submit" variant="danger">
                Delete
              </Button>
            </div>
          </form>
        </Pane>
      }
    />
  );
}
