import { z } from "zod";
import { parsePhone } from "@/lib/users/fields/phone";
import { solePlaceholder } from "./resolve-placeholders";
import { callFlowStepLabels, callFlowStepTypes, type TemplateCallFlowStep } from "./template-parts";

export const minRingSeconds = 5;
export const maxRingSeconds = 300;

/** Why a step's value does not suit its type, or undefined. */
function stepValueProblem(type: TemplateCallFlowStep["type"], value: string): string | undefined {
  const placeholder = solePlaceholder(value) !== undefined;
  switch (type) {
    case "ring_devices": {
      if (placeholder) return undefined;
      const seconds = /^\d{1,4}$/.test(value) ? Number(value) : Number.NaN;
      return seconds >= minRingSeconds && seconds <= maxRingSeconds
        ? undefined
        : `Ring devices: enter ${minRingSeconds} to ${maxRingSeconds} seconds, or a placeholder such as {{ringSeconds}}.`;
    }
    case "ring_group":
      return value === ""
        ? "Ring group: enter the name of a ring group of the instance."
        : undefined;
    case "forward": {
      if (placeholder) return undefined;
      const phone = value === "" ? undefined : parsePhone(value);
      return phone?.ok
        ? undefined
        : "Forward: enter a phone number, such as +1 212 555 0100, or a placeholder such as {{forwardNumber}}.";
    }
    case "voicemail":
      return value === "" || placeholder
        ? undefined
        : "Voicemail: leave empty for the voicemail box the template creates, or name a mailbox as a placeholder such as {{mailbox}}.";
  }
}

/**
 * One call flow step. Ring devices rings for a number of seconds; ring group sends the call
 * to the instance's ring group of that name; forward sends it to a number, and is skipped
 * when its placeholder resolves to nothing (an optional number left empty); voicemail ends
 * at the template's own voicemail box, or at the mailbox a placeholder names.
 */
export const templateCallFlowStepSchema = z
  .object({
    type: z.enum(callFlowStepTypes, "Choose what the step does."),
    value: z.string().trim().max(200, "Use at most 200 characters."),
  })
  .superRefine((step, ctx) => {
    if (!Object.hasOwn(callFlowStepLabels, step.type)) return;
    const problem = stepValueProblem(step.type, step.value);
    if (problem) ctx.addIssue({ code: "custom", path: ["value"], message: problem });
  })
  .transform((step): TemplateCallFlowStep => {
    // A literal forward number is stored in E.164, as the seat will hold it.
    if (step.type !== "forward" || solePlaceholder(step.value) !== undefined) return step;
    const phone = parsePhone(step.value);
    return phone.ok ? { ...step, value: phone.e164 } : step;
  });
