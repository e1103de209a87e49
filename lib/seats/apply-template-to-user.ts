import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { seats } from "@/db/schema";
import { lockAccount } from "@/lib/accounts/lock-account";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import { findAccountInstance } from "@/lib/instances/find-instance";
import type { AttributeDefinition } from "@/lib/templates/attribute-types";
import { attributesSchema } from "@/lib/templates/attributes-schema";
import { findAccountTemplate } from "@/lib/templates/find-template";
import { assertMayManageUser } from "@/lib/users/delegation-guard";
import { findAccountUser } from "@/lib/users/find-user";
import { createPendingSeats } from "./create-pending-seats";
import { assertMayStartSeat } from "./seat-permissions";
import { seatPersonFrom } from "./seat-person";

export type ApplyTemplateToUserOptions = {
  actor: Actor;
  userId: string;
  instanceId: string;
  templateId: string;
  /** The template version the caller was shown; a template changed since is refused. */
  templateVersion?: number;
  /** The Setup Attributes, by key, as typed. */
  attributes: Record<string, string>;
};

/** An id the caller chose that names nothing of the account: a problem of that field. */
async function orFieldError<T>(field: string, find: Promise<T>): Promise<T> {
  try {
    return await find;
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    throw new InvalidError(error.message, { [field]: error.message });
  }
}

/**
 * The Setup Attributes checked as the wizard's form checks them, each problem named by its
 * key ("attributes.voicemailPin"), and keys the template does not define refused.
 */
function assertAttributes(definitions: AttributeDefinition[], attributes: Record<string, string>) {
  const parsed = attributesSchema(definitions).strict().safeParse(attributes);
  if (parsed.success) return;
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        fieldErrors[`attributes.${key}`] = `The template has no setup attribute ${key}.`;
      }
    } else {
      fieldErrors[["attributes", ...issue.path].join(".")] ??= issue.message;
    }
  }
  throw new InvalidError("Check the setup attributes named in errors.", fieldErrors);
}

/**
 * Applies a template to an existing user in one transaction: the same planning and the same
 * making of features, extension and call flow as the seat wizard's Finish followed by the
 * user's Save (createPendingSeats), under the same permissions. Returns the new seat's id
 * and the user's (as stored).
 */
export async function applyTemplateToUser({
  actor,
  userId,
  instanceId,
  templateId,
  templateVersion,
  attributes,
}: ApplyTemplateToUserOptions): Promise<{ seatId: string; userId: string }> {
  // Save of the user form is what makes a wizard's seat, so it takes what Save takes.
  assertCan(actor, "users", "edit");
  assertMayStartSeat(actor, "template");
  return getDb().transaction(async (tx) => {
    // As the user's Save: changes to the account's users take turns (a delete of this user
    // included), so the seat is never made for someone gone meanwhile.
    await lockAccount(tx, actor.accountId);
    const user = await findAccountUser(tx, actor.accountId, userId);
    await assertMayManageUser(tx, actor, user);
    const instance = await orFieldError(
      "instanceId",
      findAccountInstance(tx, actor.accountId, instanceId),
    );
    const template = await orFieldError(
      "templateId",
      findAccountTemplate(tx, actor.accountId, templateId),
    );
    assertAttributes(template.attributes, attributes);
    try {
      await createPendingSeats(tx, {
        actor,
        user: { id: user.id, ...seatPersonFrom(user) },
        seats: [
          {
            instanceId: instance.id,
            templateId: template.id,
            templateVersion,
            attributes,
            addFeatureIds: [],
          },
        ],
      });
    } catch (error) {
      // The user form shows these beside its seat list; here no field of the request is
      // at fault, the instance's state is (an extension taken, no spare left).
      if (error instanceof ConflictError && error.field === "seats") {
        throw new ConflictError(error.message);
      }
      throw error;
    }
    const [seat] = await tx
      .select({ id: seats.id })
      .from(seats)
      .where(and(eq(seats.instanceId, instance.id), eq(seats.userId, user.id)));
    return { seatId: seat!.id, userId: user.id };
  });
}
