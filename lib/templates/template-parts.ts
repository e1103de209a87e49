import type { TemplateCallFlowStep, TemplateFeature } from "@/db/schema/templates";
import type { FeatureKind } from "@/lib/features/kinds";
import { featureKindFields, featureKindLabels } from "@/lib/features/kinds";

export type { TemplateCallFlowStep, TemplateFeature };
export type CallFlowStepType = TemplateCallFlowStep["type"];
export type FeatureSource = TemplateFeature["source"];

export const callFlowStepLabels: Record<CallFlowStepType, string> = {
  ring_devices: "Ring devices",
  ring_group: "Ring group",
  forward: "Forward",
  voicemail: "Voicemail",
};
export const callFlowStepTypes = Object.keys(callFlowStepLabels) as [
  CallFlowStepType,
  ...CallFlowStepType[],
];

export const featureSourceLabels: Record<FeatureSource, string> = {
  create: "Create new",
  spare: "Take a spare",
};
export const featureSources = Object.keys(featureSourceLabels) as [
  FeatureSource,
  ...FeatureSource[],
];

/** Kinds a template may take from the instance's spares instead of creating. */
export const spareKinds: readonly FeatureKind[] = ["phone_number", "device"];

export function isFeatureKind(kind: string): kind is FeatureKind {
  return Object.hasOwn(featureKindFields, kind);
}

export function kindFieldNames(kind: FeatureKind): readonly string[] {
  return featureKindFields[kind];
}

// Labels for the kinds' field names; a name missing here reads as its words ("maxParticipants"
// as "Max participants").
const fieldLabelOverrides: Record<string, string> = {
  callerIdName: "Caller ID name",
  macAddress: "MAC address",
  pin: "PIN",
  emailToFax: "Email to fax",
  faxNumber: "Fax number",
  mailboxNumber: "Mailbox number",
  ringSeconds: "Ring seconds",
};

export function featureFieldLabel(name: string): string {
  const override = fieldLabelOverrides[name];
  if (override) return override;
  const words = name.replace(/([A-Z])/g, " $1").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function featureKindLabel(kind: string): string {
  return isFeatureKind(kind) ? featureKindLabels[kind] : kind;
}
