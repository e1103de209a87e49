import type { AttributeType } from "@/db/schema/templates";

export type { AttributeDefinition, AttributeType } from "@/db/schema/templates";

// Here rather than imported from db/schema: this module is loaded in the browser, where the
// table definitions (and drizzle) have no business. The Record keeps the list complete.
export const attributeTypeLabels: Record<AttributeType, string> = {
  text: "Text",
  number: "Number",
  choice: "Choice",
  phone_number: "Phone number",
  extension: "Extension",
  email: "Email",
};

export const attributeTypeList = Object.keys(attributeTypeLabels) as [
  AttributeType,
  ...AttributeType[],
];
