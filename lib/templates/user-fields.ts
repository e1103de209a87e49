/**
 * The user's own fields a template may name as placeholders ({{firstName}}), filled in from
 * the user the template is applied to.
 */
export const templateUserFields = [
  "userName",
  "firstName",
  "lastName",
  "email",
  "extension",
] as const;
export type TemplateUserField = (typeof templateUserFields)[number];

export function isTemplateUserField(name: string): name is TemplateUserField {
  return (templateUserFields as readonly string[]).includes(name);
}
