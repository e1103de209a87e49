import { z } from "zod";
import { InvalidError } from "@/lib/errors";
import { emailIdTag } from "./send-via-resend";

// The parts of Resend's webhook events the portal acts on; other event types are accepted
// and ignored. Tags arrive as an object ({ name: value }) or, in older payloads, a list.
const tagList = z.array(z.object({ name: z.string(), value: z.string() }));
const resendEvent = z.object(
  {
    type: z.string({ error: "type must be text." }).max(100),
    data: z.object(
      {
        email_id: z.string().max(200).optional(),
        to: z.union([z.array(z.string().max(320)).max(50), z.string().max(320)]).optional(),
        tags: z.union([z.record(z.string(), z.string()), tagList]).optional(),
        bounce: z
          .object({
            message: z.string().max(2000).optional(),
            type: z.string().max(100).optional(),
            subType: z.string().max(100).optional(),
          })
          .optional(),
      },
      { error: "data must be an object." },
    ),
  },
  { error: "The body must be a JSON object." },
);

export type ResendEvent = {
  type: string;
  providerMessageId?: string;
  /** The portal's message id, from the tag every send carries. */
  emailId?: string;
  to: string[];
  bounceReason: string;
};

export function parseResendEvent(body: string): ResendEvent {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new InvalidError("The body must be JSON.");
  }
  const parsed = resendEvent.safeParse(json);
  if (!parsed.success) {
    throw new InvalidError(parsed.error.issues.map((issue) => issue.message).join(" "));
  }
  const { type, data } = parsed.data;
  const tags = Array.isArray(data.tags)
    ? Object.fromEntries(data.tags.map((tag) => [tag.name, tag.value]))
    : (data.tags ?? {});
  const bounce = data.bounce;
  return {
    type,
    providerMessageId: data.email_id,
    emailId: tags[emailIdTag],
    to: typeof data.to === "string" ? [data.to] : (data.to ?? []),
    bounceReason: [bounce?.type, bounce?.subType, bounce?.message].filter(Boolean).join(": "),
  };
}
