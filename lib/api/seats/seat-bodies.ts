import { z } from "zod";

export const applyTemplateBodySchema = z
  .object({
    instanceId: z.string({ error: "Choose an instance by its id." }).max(100),
    templateId: z.string({ error: "Choose a template by its id." }).max(100),
    templateVersion: z
      .number()
      .int()
      .positive()
      .optional()
      .meta({ description: "The version you expect; a template changed since is refused (409)." }),
    attributes: z
      // Numbers are welcome as JSON numbers; the template's own checks then read them as text.
      .record(
        z.string(),
        z.union([z.string().max(500), z.number()]).transform((value) => String(value)),
      )
      .default({})
      .meta({
        description:
          "The template's setup attributes by key; one left out takes its default, as on the form.",
      }),
  })
  .strict()
  .meta({ id: "NewSeat" });

export const seatListQuerySchema = z.object({}).strict();
