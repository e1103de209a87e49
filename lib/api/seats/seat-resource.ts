import { z } from "zod";
import { allFeatureKinds, type FeatureKind } from "@/lib/features/kinds";
import type { UserSeat } from "@/lib/seats/list-user-seats";

const callFlowStepSchema = z
  .discriminatedUnion("type", [
    z.object({ type: z.literal("ring_devices"), seconds: z.number().int() }),
    z.object({ type: z.literal("ring_group"), ringGroupId: z.uuid(), label: z.string() }),
    z.object({ type: z.literal("forward"), number: z.string() }),
    z.object({ type: z.literal("voicemail"), mailboxNumber: z.string() }),
  ])
  .meta({ id: "CallFlowStep", description: "One step of a seat's call flow, resolved." });

/** A user's seat in one instance, as the user's details show it. */
export const seatResourceSchema = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    instanceId: z.uuid(),
    instanceName: z.string(),
    extension: z.string().nullable(),
    templateId: z
      .uuid()
      .nullable()
      .meta({ description: "Null when made without a template, or the template is deleted." }),
    templateName: z.string().nullable(),
    templateVersion: z
      .number()
      .int()
      .nullable()
      .meta({ description: "The template version the seat was made from." }),
    olderVersion: z
      .boolean()
      .meta({ description: "The template has been changed since the seat was made." }),
    callFlow: z.array(callFlowStepSchema),
    features: z.array(
      z.object({
        id: z.uuid(),
        kind: z.enum(allFeatureKinds as [FeatureKind, ...FeatureKind[]]),
        name: z.string(),
        phoneNumber: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "Seat" });

export type SeatResource = z.infer<typeof seatResourceSchema>;

export function toSeatResource(userId: string, seat: UserSeat): SeatResource {
  return {
    id: seat.id,
    userId,
    instanceId: seat.instanceId,
    instanceName: seat.instanceName,
    extension: seat.extension,
    templateId: seat.templateId,
    templateName: seat.templateName,
    templateVersion: seat.templateVersion,
    olderVersion: seat.olderVersion,
    callFlow: seat.callFlow,
    features: seat.features,
  };
}
