import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  type CallFlowStep,
  type FeatureKind,
  features,
  type Instance,
  instanceExtensions,
  type Template,
} from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { ConflictError } from "@/lib/errors";
import { extensionTakenMessage } from "@/lib/features/extension-claims";
import { featureKindLabels } from "@/lib/features/kinds";
import { parseFeatureFields } from "@/lib/features/schemas";
import { findAccountInstance } from "@/lib/instances/find-instance";
import { attributesSchema } from "@/lib/templates/attributes-schema";
import { findAccountTemplate } from "@/lib/templates/find-template";
import { resolvePlaceholders } from "@/lib/templates/resolve-placeholders";
import { extensionProblem } from "@/lib/users/fields/extension";
import { parsePhone } from "@/lib/users/fields/phone";
import type { SeatPerson } from "./seat-person";

export type PlannedFeature =
  | {
      source: "create";
      kind: FeatureKind;
      input: Record<string, unknown>;
      fields: Record<string, string>;
    }
  | { source: "spare"; kind: FeatureKind; candidate: string | null };

/** A call flow step as planned: a ring group is still named, found again at Save. */
export type PlannedStep = CallFlowStep;

/** Exactly what Save will create for a seat from a template, or why it cannot. */
export type SeatPlan = {
  instance: Pick<Instance, "id" | "name">;
  template: Pick<Template, "id" | "name" | "version">;
  attributes: Record<string, string>;
  extension: string | null;
  features: PlannedFeature[];
  callFlow: PlannedStep[];
  /** What stops the plan, in words that name the template's part; empty when it can be saved. */
  problems: string[];
};

export type PlanSeatOptions = {
  actor: Actor;
  instanceId: string;
  templateId: string;
  /** The version the wizard showed; Save refuses a template changed since. */
  templateVersion?: number;
  attributes: Record<string, string>;
  person: SeatPerson;
};

/** The first spare of a kind, as the preview shows it (Save takes whichever is first then). */
async function firstSpare(db: Executor, instanceId: string, kind: FeatureKind) {
  const [spare] = await db
    .select({ name: features.name })
    .from(features)
    .where(
      and(
        eq(features.instanceId, instanceId),
        eq(features.kind, kind),
        sql`${features.seatId} is null`,
      ),
    )
    .orderBy(features.createdAt, features.id)
    .limit(1);
  return spare?.name ?? null;
}

/**
 * Whether a mailbox a setup attribute names is one the instance has, or one the plan
 * creates: typed text must not become a call flow step to nowhere.
 */
async function hasMailbox(
  db: Executor,
  instanceId: string,
  planned: PlannedFeature[],
  mailbox: string,
): Promise<boolean> {
  const created = planned.some(
    (feature) =>
      feature.source === "create" &&
      feature.kind === "voicemail_box" &&
      feature.input.mailboxNumber === mailbox,
  );
  if (created) return true;
  if (extensionProblem(mailbox) !== undefined) return false;
  const [box] = await db
    .select({ id: features.id })
    .from(features)
    .where(
      and(
        eq(features.instanceId, instanceId),
        eq(features.kind, "voicemail_box"),
        eq(features.extension, mailbox),
      ),
    );
  return box !== undefined;
}

/**
 * Extensions the plan would take that something in the instance already has: said in the
 * preview, before Save (where the database would refuse them anyway).
 */
async function extensionsInUse(
  db: Executor,
  instanceId: string,
  seatExtension: string | null,
  planned: PlannedFeature[],
): Promise<string[]> {
  const wanted = new Set<string>(seatExtension ? [seatExtension] : []);
  for (const feature of planned) {
    if (feature.source !== "create") continue;
    for (const field of ["extension", "mailboxNumber"]) {
      const value = feature.input[field];
      if (typeof value === "string" && value !== "") wanted.add(value);
    }
  }
  if (wanted.size === 0) return [];
  const taken = await db
    .select({ extension: instanceExtensions.extension, ownerLabel: instanceExtensions.ownerLabel })
    .from(instanceExtensions)
    .where(
      and(
        eq(instanceExtensions.instanceId, instanceId),
        inArray(instanceExtensions.extension, [...wanted]),
      ),
    );
  return taken.map((claim) => extensionTakenMessage(claim.extension, claim.ownerLabel));
}

/**
 * Resolves a template for one person in one instance: the attributes checked against the
 * template's own definitions, every feature's fields filled in and validated as its form
 * would, and the call flow's values. Used by the wizard's preview and again by Save, in
 * Save's transaction, so what was previewed is what is made.
 */
export async function planSeat(db: Executor, options: PlanSeatOptions): Promise<SeatPlan> {
  const { actor, person } = options;
  const instance = await findAccountInstance(db, actor.accountId, options.instanceId);
  const template = await findAccountTemplate(db, actor.accountId, options.templateId);
  if (options.templateVersion !== undefined && options.templateVersion !== template.version) {
    throw new ConflictError(
      `The template ${template.name} changed since it was applied (now version ${template.version}). Apply it again to see what it creates now.`,
      "seats",
    );
  }
  const problems: string[] = [];
  const parsed = attributesSchema(template.attributes).safeParse(options.attributes);
  const attributes: Record<string, string> = parsed.success ? parsed.data : options.attributes;
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(issue.message);
  }
  const values: Record<string, string> = { ...person, ...attributes };
  const extensionAttribute = template.attributes.find(
    (definition) => definition.type === "extension",
  );
  const extension = extensionAttribute ? attributes[extensionAttribute.key] || null : null;

  const planned: PlannedFeature[] = [];
  for (const [index, spec] of template.features.entries()) {
    const kind = spec.kind as FeatureKind;
    const where = `${featureKindLabels[kind] ?? spec.kind} (feature ${index + 1} of the template)`;
    if (spec.source === "spare") {
      const candidate = await firstSpare(db, instance.id, kind);
      if (!candidate) {
        problems.push(
          `${where}: ${instance.name} has no spare ${featureKindLabels[kind].toLowerCase()} left. Add one to the instance first.`,
        );
      }
      planned.push({ source: "spare", kind, candidate });
      continue;
    }
    const fields = Object.fromEntries(
      Object.entries(spec.fields).map(([name, text]) => [name, resolvePlaceholders(text, values)]),
    );
    const result = parseFeatureFields(kind, fields);
    if (result.ok) {
      planned.push({
        source: "create",
        kind,
        input: result.value as Record<string, unknown>,
        fields,
      });
    } else {
      for (const [field, message] of Object.entries(result.fieldErrors)) {
        problems.push(`${where}, ${field}: ${message}`);
      }
      planned.push({ source: "create", kind, input: {}, fields });
    }
  }

  const callFlow: PlannedStep[] = [];
  for (const [index, step] of template.callFlow.entries()) {
    const value = resolvePlaceholders(step.value, values).trim();
    const where = `Call flow step ${index + 1}`;
    if (step.type === "ring_devices") {
      const seconds = Number(value || "20");
      if (!Number.isInteger(seconds) || seconds < 5 || seconds > 300) {
        problems.push(`${where}: ring for 5 to 300 seconds, not "${value}".`);
      } else callFlow.push({ type: "ring_devices", seconds });
    } else if (step.type === "forward") {
      // An optional number left empty means the seat does not forward.
      if (value === "") continue;
      const phone = parsePhone(value);
      if (!phone.ok || !phone.e164)
        problems.push(`${where}: ${phone.ok ? "no number" : phone.message}`);
      else callFlow.push({ type: "forward", number: phone.e164 });
    } else if (step.type === "ring_group") {
      const [group] = await db
        .select({ id: features.id, name: features.name })
        .from(features)
        .where(
          and(
            eq(features.instanceId, instance.id),
            eq(features.kind, "ring_group"),
            sql`lower(${features.name}) = lower(${value})`,
          ),
        )
        .limit(1);
      if (!group) problems.push(`${where}: ${instance.name} has no ring group named "${value}".`);
      else callFlow.push({ type: "ring_group", ringGroupId: group.id, label: group.name });
    } else {
      const box = planned.find(
        (feature) => feature.source === "create" && feature.kind === "voicemail_box",
      );
      const mailbox =
        value || (box?.source === "create" ? String(box.input.mailboxNumber ?? "") : "");
      if (!mailbox)
        problems.push(`${where}: the template creates no voicemail box to send calls to.`);
      else if (value && !(await hasMailbox(db, instance.id, planned, value)))
        problems.push(`${where}: ${instance.name} has no voicemail box numbered "${value}".`);
      else callFlow.push({ type: "voicemail", mailboxNumber: mailbox });
    }
  }
  problems.push(...(await extensionsInUse(db, instance.id, extension, planned)));
  return {
    instance: { id: instance.id, name: instance.name },
    template: { id: template.id, name: template.name, version: template.version },
    attributes,
    extension,
    features: planned,
    callFlow,
    problems,
  };
}
