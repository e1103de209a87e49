import "server-only";
import { getDb } from "@/db/client";
import { assertIfMatch } from "@/lib/api/etag";
import { parseApiInput } from "@/lib/api/parse-api-input";
import {
  createUserBodySchema,
  createUserInput,
  updateUserBodySchema,
  updateUserInput,
} from "@/lib/api/users/user-bodies";
import type { Actor } from "@/lib/auth/actor";
import { createUser } from "@/lib/users/create-user";
import { deleteUser } from "@/lib/users/delete-user";
import { userNameProblem } from "@/lib/users/fields/user-name";
import { getUser } from "@/lib/users/find-user";
import type { ScimIdentity } from "@/lib/users/schemas";
import { updateUser } from "@/lib/users/update-user";
import { checkedExternalId } from "../external-id";
import { ScimError } from "../scim-error";
import { patchOperations } from "../scim-patch";
import { groupsOfUsers } from "./list-scim-users";
import { type ScimUserFields, scimUserFields } from "./scim-user-fields";
import { checkedScimUserName, userNameForScim } from "./scim-user-name";
import { userPatchChanges } from "./scim-user-patch";
import { toScimUser } from "./scim-user-resource";

type Call = { actor: Actor; baseUrl: string };

export async function getScimUser({ actor, baseUrl, userId }: Call & { userId: string }) {
  const user = await getUser({ actor, userId });
  const groups = (await groupsOfUsers(getDb(), actor.accountId, [user.id])).get(user.id) ?? [];
  return toScimUser(user, groups, baseUrl);
}

/**
 * POST /Users. The same checks as the User Details form (through the REST API's body
 * schema). Without a password the new user is sent login instructions with a set-password
 * link, as the form does when its box is ticked; an email defaults to a userName that is one
 * (see scim-user-name.ts for a userName that is not a user name here).
 */
export async function createScimUser({ actor, baseUrl, body }: Call & { body: unknown }) {
  const fields = scimUserFields(body);
  if (fields.userName === undefined) {
    throw new ScimError(400, "userName is required.", "invalidValue");
  }
  const sent = checkedScimUserName(fields.userName);
  const { userName, scimUserName } = await userNameForScim(getDb(), sent);
  const email = fields.email ?? (sent.includes("@") ? sent : "");
  const externalId = checkedExternalId(fields.externalId);
  const input = createUserInput(
    parseApiInput(createUserBodySchema, {
      userName,
      firstName: fields.firstName ?? "",
      lastName: fields.lastName ?? "",
      title: fields.title ?? "",
      alias: fields.alias ?? "",
      email,
      active: fields.active ?? true,
      ...(fields.password ? { password: fields.password } : { sendLoginInstructions: true }),
    }),
  );
  const created = await createUser({ actor, input, scimIdentity: { externalId, scimUserName } });
  return toScimUser(created, [], baseUrl);
}

type Save = Call & { userId: string; ifMatch: string | null };

/**
 * Applies changes through updateUser (permissions, delegation, alerts, activity), the SCIM
 * identity (externalId, a userName that is not a user name here) in the same statement: a
 * refused request changes nothing.
 */
async function saveChanges(
  { actor, baseUrl, userId, ifMatch }: Save,
  { externalId, password, userName, ...changes }: ScimUserFields,
) {
  const before = await getUser({ actor, userId });
  const groups = (await groupsOfUsers(getDb(), actor.accountId, [before.id])).get(before.id) ?? [];
  const versionOf = (user: typeof before) => toScimUser(user, groups, baseUrl).meta.version;
  assertIfMatch(ifMatch, versionOf(before));
  const scimIdentity: ScimIdentity = {};
  const newExternalId = checkedExternalId(externalId);
  if (newExternalId !== undefined) scimIdentity.externalId = newExternalId;
  let newUserName: string | undefined;
  if (userName !== undefined) {
    const sent = checkedScimUserName(userName);
    const shown = before.scimUserName ?? before.userName;
    if (sent !== shown) {
      if (userNameProblem(sent) === undefined) {
        newUserName = sent;
        scimIdentity.scimUserName = null;
      } else {
        // Not a user name here: SCIM shows it, the user keeps the user name they have.
        scimIdentity.scimUserName = sent;
      }
    }
  }
  const parsed = parseApiInput(updateUserBodySchema, {
    ...changes,
    ...(newUserName !== undefined ? { userName: newUserName } : {}),
    ...(password !== undefined ? { password } : {}),
  });
  const updated = await updateUser({
    actor,
    userId: before.id,
    input: updateUserInput(before, parsed),
    // The changes were made to the user as read: refuse if another save landed in between.
    precondition: (current) => assertIfMatch(ifMatch, versionOf(current)),
    scimIdentity,
  });
  return getScimUser({ actor, baseUrl, userId: updated.id });
}

/**
 * PUT /Users/{id}: the attributes Switchboard keeps are replaced; names and title left out
 * are cleared. The email and active state stay when left out (a user always has an email),
 * and so does the externalId.
 */
export function replaceScimUser(save: Save & { body: unknown }) {
  const fields = scimUserFields(save.body);
  if (fields.userName === undefined) {
    throw new ScimError(400, "userName is required.", "invalidValue");
  }
  return saveChanges(save, {
    ...fields,
    firstName: fields.firstName ?? "",
    lastName: fields.lastName ?? "",
    title: fields.title ?? "",
    alias: fields.alias ?? "",
  });
}

/** PATCH /Users/{id} (RFC 7644 §3.5.2): add, replace and remove on the kept attributes. */
export function patchScimUser(save: Save & { body: Record<string, unknown> }) {
  return saveChanges(save, userPatchChanges(patchOperations(save.body)));
}

/** DELETE /Users/{id}: as the User Manager's Delete; the user's seat features are kept. */
export async function deleteScimUser({ actor, userId }: { actor: Actor; userId: string }) {
  await deleteUser({ actor, userId, seatFeatures: "keep" });
}
