import type { ActivityChange } from "@/db/schema";
import { redactClickToDial } from "./fields/click-to-dial";
import type { UserRecord } from "./user-record";

const trackedFields = [
  "userName",
  "firstName",
  "lastName",
  "alias",
  "title",
  "email",
  "fromEmails",
  "phone",
  "extension",
  "address",
  "color",
  "clickToDial",
  "role",
] as const;

type Tracked = Pick<UserRecord, (typeof trackedFields)[number]>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Field-by-field before/after for account activity, with secrets redacted. */
export function userChanges(before: Tracked, after: Tracked): ActivityChange[] {
  return trackedFields
    .filter((field) => !same(before[field], after[field]))
    .map((field) =>
      field === "clickToDial"
        ? {
            field,
            before: redactClickToDial(before[field]),
            after: redactClickToDial(after[field]),
          }
        : { field, before: before[field], after: after[field] },
    );
}

/** The created user's fields as an activity snapshot, with secrets redacted. */
export function userSnapshot(user: Tracked & { active: boolean }) {
  return { ...pick(user), clickToDial: redactClickToDial(user.clickToDial), active: user.active };
}

function pick(user: Tracked): Tracked {
  return Object.fromEntries(trackedFields.map((field) => [field, user[field]])) as Tracked;
}
