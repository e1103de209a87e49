import { z } from "zod";
import { type Instance, instanceStatuses } from "@/db/schema/instances";
import { allFeatureKinds, type FeatureKind } from "@/lib/features/kinds";
import type { InstanceUsage } from "@/lib/instances/instance-usage";
import type { InstanceListRow } from "@/lib/instances/list-instances";

const status = z.enum(instanceStatuses);
const kinds = z.enum(allFeatureKinds as [FeatureKind, ...FeatureKind[]]);
const dateTime = z.iso.datetime();

/** An instance as the REST API shows it (GET /instances/{id}, and the answer to its writes). */
export const instanceResourceSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    region: z.string().meta({ description: "A region code, such as us-east." }),
    notes: z.string(),
    status,
    lastRebuiltAt: dateTime.nullable(),
    rebuildRequestedAt: dateTime
      .nullable()
      .meta({ description: "When the rebuild in progress (or the last one) was asked for." }),
    rebuildRequestedBy: z
      .uuid()
      .nullable()
      .meta({ description: "The user who asked for it, while they exist." }),
    rebuildError: z
      .string()
      .meta({ description: "Why the last rebuild failed (status failed), else empty." }),
    featureCounts: z
      .record(kinds, z.number().int())
      .meta({ description: "How many features of each kind the instance has." }),
    featureTotal: z.number().int(),
    seatCount: z.number().int(),
    createdAt: dateTime,
    updatedAt: dateTime,
  })
  .meta({ id: "Instance" });

export type InstanceResource = z.infer<typeof instanceResourceSchema>;

/** What a new instance holds: nothing yet (Create needs no View to answer with it). */
export function newInstanceUsage(): InstanceUsage {
  const featureCounts = Object.fromEntries(allFeatureKinds.map((kind) => [kind, 0]));
  return {
    featureCounts: featureCounts as InstanceUsage["featureCounts"],
    featureTotal: 0,
    seatCount: 0,
  };
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toInstanceResource(instance: Instance & InstanceUsage): InstanceResource {
  return {
    id: instance.id,
    name: instance.name,
    region: instance.region,
    notes: instance.notes,
    status: instance.status,
    lastRebuiltAt: iso(instance.lastRebuiltAt),
    rebuildRequestedAt: iso(instance.rebuildRequestedAt),
    rebuildRequestedBy: instance.rebuildRequestedBy,
    rebuildError: instance.rebuildError,
    featureCounts: instance.featureCounts,
    featureTotal: instance.featureTotal,
    seatCount: instance.seatCount,
    createdAt: instance.createdAt.toISOString(),
    updatedAt: instance.updatedAt.toISOString(),
  };
}

/** A row of GET /instances, as the instance list shows it. */
export const instanceSummarySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    region: z.string(),
    status,
    lastRebuiltAt: dateTime.nullable(),
  })
  .meta({ id: "InstanceSummary" });

export function toInstanceSummary(row: InstanceListRow): z.infer<typeof instanceSummarySchema> {
  return {
    id: row.id,
    name: row.name,
    region: row.region,
    status: row.status,
    lastRebuiltAt: iso(row.lastRebuiltAt),
  };
}
