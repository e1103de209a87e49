import { z } from "zod";

export const publishLicenceSchema = z.object({
  body: z
    .string()
    .trim()
    .min(50, "Enter the full licence text (at least 50 characters).")
    .max(50_000, "The licence text is too long (50,000 characters at most)."),
  summary: z
    .string()
    .trim()
    .min(3, "Summarize what changed.")
    .max(500, "Keep the summary to 500 characters."),
});
export type PublishLicenceInput = z.infer<typeof publishLicenceSchema>;
