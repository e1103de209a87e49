import { lowerKeys } from "../lower-keys";
import { ScimError } from "../scim-error";
import { type PatchOperation, patchPath } from "../scim-patch";
import { primaryEmail, type ScimUserFields, scimBoolean, scimUserFields } from "./scim-user-fields";

function required(attribute: string): never {
  throw new ScimError(400, `${attribute} cannot be removed.`, "mutability");
}

function text(attribute: string, value: unknown): string {
  if (typeof value === "string") return value;
  throw new ScimError(400, `${attribute} must be a string.`, "invalidValue");
}

/**
 * What a PATCH changes of a user, in the User Details form's names: applied in order, so a
 * later operation on the same attribute wins. Attributes Switchboard does not keep are
 * ignored (as in POST and PUT); removing one it needs (userName, emails, active) is refused.
 */
export function userPatchChanges(operations: PatchOperation[]): ScimUserFields {
  const changes: ScimUserFields = {};
  for (const { op, path = "", value } of operations) {
    const remove = op === "remove";
    const target = patchPath(path);
    if (target === "username") {
      if (remove) required("userName");
      changes.userName = text("userName", value);
    } else if (target === "name") {
      if (remove) {
        changes.firstName = "";
        changes.lastName = "";
      } else {
        Object.assign(changes, scimUserFields({ name: value }));
      }
    } else if (target === "name.givenname") {
      changes.firstName = remove ? "" : text("name.givenName", value);
    } else if (target === "name.familyname") {
      changes.lastName = remove ? "" : text("name.familyName", value);
    } else if (target === "title") {
      changes.title = remove ? "" : text("title", value);
    } else if (target === "nickname") {
      changes.alias = remove ? "" : text("nickName", value);
    } else if (target === "externalid") {
      changes.externalId = remove || value === null ? null : text("externalId", value);
    } else if (target === "active") {
      if (remove) required("active");
      changes.active = scimBoolean("active", value);
    } else if (target === "password") {
      if (remove) required("password");
      changes.password = text("password", value);
    } else if (target === "emails") {
      if (remove) required("emails");
      const email = primaryEmail(Array.isArray(value) ? value : [value]);
      if (email !== undefined) changes.email = email;
    } else if (/^emails(\[[^\]]*\])?\.value$/.test(target)) {
      if (remove) required("emails");
      // A filter inside the brackets picks which address; Switchboard keeps one.
      changes.email = text(
        "emails.value",
        typeof value === "object" ? lowerKeys(value).value : value,
      );
    }
  }
  return changes;
}
