import { Button } from "@/components/button";
import type { InstanceDetails } from "@/lib/instances/get-instance";
import { requestRebuildAction } from "../actions";

/** Force Rebuild: a plain form, so it works without scripts. */
export function InstanceRebuild({
  instance,
  canRebuild,
}: {
  instance: InstanceDetails;
  canRebuild: boolean;
}) {
  const rebuilding = instance.status === "rebuilding";
  return (
    <div className="border-t border-neutral-200 p-4">
      {canRebuild ? (
        <form action={requestRebuildAction} className="flex flex-wrap items-center gap-3">
          <input type="hidden" name="id" value={instance.id} />
          <Button type="submit" variant="secondary" aria-describedby="force-rebuild-help">
            Force Rebuild
          </Button>
          <p id="force-rebuild-help" className="text-xs text-neutral-600">
            {rebuilding
              ? "A rebuild is running; another starts once it has finished."
              : "Has the provisioning service rebuild this phone system from its settings."}
          </p>
        </form>
      ) : (
        <p className="text-xs text-neutral-600">
          Rebuilding needs Instances: Rebuild. Ask an Administrator if you need it.
        </p>
      )}
    </div>
  );
}
