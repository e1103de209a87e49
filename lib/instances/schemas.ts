import { z } from "zod";
import { optionalText } from "@/lib/form-values";
import { regions } from "./regions";

export const instanceFormSchema = z.object({
  name: z.string().trim().min(1, "Enter an instance name.").max(80, "Use at most 80 characters."),
  region: z.enum(regions, { error: "Choose a region from the list." }),
  notes: optionalText(2000, "Notes"),
});
export type InstanceFormValues = z.input<typeof instanceFormSchema>;
export type InstanceInput = z.output<typeof instanceFormSchema>;
