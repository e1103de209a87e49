import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { type Feature, features, instances } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/uuid";

/** An instance of the account, by id; another account's is simply not found. */
export async function findFeatureInstance(db: Executor, accountId: string, instanceId: string) {
  const missing = new NotFoundError("This instance does not exist.");
  if (!isUuid(instanceId)) throw missing;
  const [instance] = await db
    .select({ id: instances.id, name: instances.name })
    .from(instances)
    .where(and(eq(instances.id, instanceId), eq(instances.accountId, accountId)));
  if (!instance) throw missing;
  return instance;
}

export type FindInstanceFeatureOptions = {
  accountId: string;
  instanceId: string;
  featureId: string;
  /** Lock the row for the rest of the transaction (edits and deletes). */
  forUpdate?: boolean;
};

/** A feature of one instance of the account, or NotFound. */
export async function findInstanceFeature(
  db: Executor,
  { accountId, instanceId, featureId, forUpdate = false }: FindInstanceFeatureOptions,
): Promise<Feature> {
  const missing = new NotFoundError("This feature does not exist.");
  if (!isUuid(featureId)) throw missing;
  const query = db
    .select()
    .from(features)
    .where(
      and(
        eq(features.id, featureId),
        eq(features.instanceId, instanceId),
        eq(features.accountId, accountId),
      ),
    );
  const [feature] = forUpdate ? await query.for("update") : await query;
  if (!feature) throw missing;
  return feature;
}
