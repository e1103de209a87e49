import { isSingleLine } from "@/lib/form-values";
import { ScimError } from "./scim-error";

/** An identity provider's id for a user or group: 1 to 255 characters of one line of text. */
export function checkedExternalId(value: string | null | undefined): string | null | undefined {
  if (typeof value !== "string") return value;
  if (value.length === 0 || value.length > 255 || !isSingleLine(value)) {
    throw new ScimError(400, "externalId must be 1 to 255 characters of text.", "invalidValue");
  }
  return value;
}
