import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { templates } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import type { TemplateInput } from "./template-schema";
import { validTemplate } from "./valid-template";

/**
 * The template most users get: a softphone named after them, a voicemail box on their
 * extension that mails them, a phone number from the instance's spares; calls ring the
 * devices, then go to the forward number when one was given (the step is skipped when
 * forwardNumber is left empty), then to voicemail.
 */
export const standardUserTemplate: TemplateInput = {
  name: "Standard User",
  description: "A softphone, a voicemail box and a spare phone number for one person.",
  attributes: [
    {
      key: "extension",
      label: "Extension",
      type: "extension",
      required: true,
      defaultValue: "",
      pattern: "",
      helpText: "The seat's extension in the instance.",
      options: [],
    },
    {
      key: "voicemailPin",
      label: "Voicemail PIN",
      type: "text",
      required: true,
      defaultValue: "",
      pattern: "\\d{4,8}",
      helpText: "4 to 8 digits",
      options: [],
    },
    {
      key: "ringSeconds",
      label: "Ring seconds",
      type: "number",
      required: false,
      defaultValue: "20",
      pattern: "",
      helpText: "How long the devices ring before the call moves on.",
      options: [],
    },
    {
      key: "forwardNumber",
      label: "Forward number",
      type: "phone_number",
      required: false,
      defaultValue: "",
      pattern: "",
      helpText: "Where unanswered calls go before voicemail; leave empty to skip.",
      options: [],
    },
  ],
  features: [
    {
      kind: "device",
      source: "create",
      fields: { name: "{{firstName}} {{lastName}} softphone", deviceKind: "softphone" },
    },
    {
      kind: "voicemail_box",
      source: "create",
      fields: {
        mailboxNumber: "{{extension}}",
        pin: "{{voicemailPin}}",
        notificationEmail: "{{email}}",
      },
    },
    { kind: "phone_number", source: "spare", fields: {} },
  ],
  callFlow: [
    { type: "ring_devices", value: "{{ringSeconds}}" },
    { type: "forward", value: "{{forwardNumber}}" },
    { type: "voicemail", value: "" },
  ],
};

export type CreateStandardUserTemplateOptions = { accountId: string };

/**
 * Adds the Standard User template to an account (for new and demo accounts), or returns the
 * account's template of that name when there is one already, so loading twice adds nothing.
 */
export async function createStandardUserTemplate(
  db: Executor,
  { accountId }: CreateStandardUserTemplateOptions,
) {
  const template = validTemplate(standardUserTemplate);
  const [existing] = await db
    .select()
    .from(templates)
    .where(
      and(
        eq(templates.accountId, accountId),
        eq(sql`lower(${templates.name})`, template.name.toLowerCase()),
      ),
    );
  if (existing) return existing;
  const [created] = await db
    .insert(templates)
    .values({ accountId, ...template, version: 1 })
    .returning();
  await recordActivity(db, {
    accountId,
    kind: "template.created",
    targetLabel: created!.name,
    targetId: created!.id,
    details: { template: created!.name, version: 1 },
  });
  return created!;
}
