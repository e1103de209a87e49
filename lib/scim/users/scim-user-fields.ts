import { lowerKeys } from "../lower-keys";
import { ScimError } from "../scim-error";

/** What Switchboard keeps of a SCIM user, in the User Details form's names. */
export type ScimUserFields = {
  userName?: string;
  firstName?: string;
  lastName?: string;
  title?: string;
  alias?: string;
  email?: string;
  active?: boolean;
  password?: string;
  externalId?: string | null;
};

function text(attribute: string, value: unknown): string {
  if (typeof value === "string") return value;
  throw new ScimError(400, `${attribute} must be a string.`, "invalidValue");
}

/** Identity providers send booleans, and some (Entra ID) the strings "True" and "False". */
export function scimBoolean(attribute: string, value: unknown): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "string" && /^(true|false)$/i.test(value)) {
    return value.toLowerCase() === "true";
  }
  throw new ScimError(400, `${attribute} must be true or false.`, "invalidValue");
}

/** The primary email of a SCIM `emails` list: the one marked primary, else a work one, else the first. */
export function primaryEmail(value: unknown): string | undefined {
  if (!Array.isArray(value)) {
    throw new ScimError(400, "emails must be a list of { value, type, primary }.", "invalidValue");
  }
  const emails = value.map(lowerKeys);
  const chosen =
    emails.find((email) => email.primary === true || email.primary === "true") ??
    emails.find((email) => email.type === "work") ??
    emails[0];
  return chosen === undefined ? undefined : text("emails.value", chosen.value);
}

/**
 * Reads the attributes Switchboard keeps from a SCIM user object (a POST or PUT body, or a
 * PATCH value without a path). Attributes it does not keep (locale, phoneNumbers, the
 * enterprise extension…) are ignored, as RFC 7644 lets a service provider do, so an identity
 * provider's full profile never blocks provisioning; the ones it keeps are checked.
 */
export function scimUserFields(body: unknown): ScimUserFields {
  const source = lowerKeys(body);
  const fields: ScimUserFields = {};
  if (source.username !== undefined) fields.userName = text("userName", source.username);
  if (source.name !== undefined) {
    const name = lowerKeys(source.name);
    if (name.givenname !== undefined) fields.firstName = text("name.givenName", name.givenname);
    if (name.familyname !== undefined) fields.lastName = text("name.familyName", name.familyname);
  }
  if (source.title !== undefined) fields.title = text("title", source.title);
  if (source.nickname !== undefined) fields.alias = text("nickName", source.nickname);
  if (source.emails !== undefined) fields.email = primaryEmail(source.emails);
  if (source.active !== undefined) fields.active = scimBoolean("active", source.active);
  if (source.password !== undefined) fields.password = text("password", source.password);
  if (source.externalid !== undefined) {
    fields.externalId = source.externalid === null ? null : text("externalId", source.externalid);
  }
  return fields;
}
