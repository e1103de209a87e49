import crypto from "node:crypto";
import type { Actor } from "../lib/auth/actor";
import { stashUserForm } from "../lib/seats/stash-user-form";
import {
  chooseSeatTemplate,
  finishSeatTemplate,
  setSeatAttributes,
} from "../lib/seats/update-seat-wizard";
import type { AttributeDefinition } from "../lib/templates/attribute-types";
import { attributesSchema } from "../lib/templates/attributes-schema";
import { type CreateUserInput, createUserSchema } from "../lib/users/schemas";

/** Bench Save users are named `bench-save-…`, so leftovers of a stopped run are found. */
export const saveUserPrefix = "bench-save-";

export type SaveTarget = {
  instanceId: string;
  template: { id: string; version: number; attributes: AttributeDefinition[] };
};

const hex = (value: number) => (value & 255).toString(16).padStart(2, "0").toUpperCase();

/**
 * The n-th new user of run `run` (0-9999): unique user name, email, extensions and desk
 * phone MAC address, so runs never collide with each other or the seeded data (Bench Big's
 * extensions are 5 digits; these are 8).
 */
export function savePerson(run: number, n: number) {
  const tag = `${String(run).padStart(4, "0")}${String(n).padStart(3, "0")}`;
  const userName = `${saveUserPrefix}${tag}`;
  const form = {
    userName,
    firstName: "Sam",
    lastName: `Saver ${tag}`,
    email: `${userName}@bench-1.example`,
    role: "user",
    active: "on",
  };
  const attributes = {
    extension: `7${tag}`,
    voicemailPin: "2468",
    deskPhoneMac: `02:BF:${hex(run >> 8)}:${hex(run)}:${hex(n >> 8)}:${hex(n)}`,
    roomExtension: `8${tag}`,
  };
  return { form, attributes };
}

/**
 * The user form's way to a pending seat, through the same services its pages call: the form
 * kept in a draft with the wizard opened on the instance, the template chosen, the Setup
 * Attributes checked as the attributes page checks them, then Finish. Returns the draft and
 * the Save's input (a fresh strong password, as typed again after the wizard).
 */
export async function prepareSeatDraft(
  actor: Actor,
  target: SaveTarget,
  person: ReturnType<typeof savePerson>,
): Promise<{ draftId: string; input: CreateUserInput }> {
  const draftId = await stashUserForm({
    actor,
    values: person.form,
    wizard: { instanceId: target.instanceId, step: "template" },
  });
  await chooseSeatTemplate({ actor, draftId, templateId: target.template.id });
  const attributes = attributesSchema(target.template.attributes).parse(person.attributes);
  await setSeatAttributes({ actor, draftId, attributes });
  await finishSeatTemplate({ actor, draftId, templateVersion: target.template.version });
  const input = createUserSchema.parse({
    ...person.form,
    newPassword: `Bench-${crypto.randomBytes(12).toString("base64url")}`,
  });
  return { draftId, input };
}
