import type { ActivityChange } from "@/db/schema";
import { type FeatureColumns, featureFormValues } from "./feature-columns";

// PINs open mailboxes and rooms: the activity log says that one changed, never what to.
const secretFields = new Set(["pin"]);
const hidden = "(hidden)";

/** What an edit changed, field by field, as the activity log records it. */
export function featureChanges(before: FeatureColumns, after: FeatureColumns): ActivityChange[] {
  const was = featureFormValues(before);
  const is = featureFormValues(after);
  const changes: ActivityChange[] = [];
  for (const field of Object.keys(is)) {
    if (secretFields.has(field)) {
      if (before.settings.pin !== after.settings.pin) {
        changes.push({ field, before: hidden, after: hidden });
      }
      continue;
    }
    if (JSON.stringify(was[field]) !== JSON.stringify(is[field])) {
      changes.push({ field, before: was[field], after: is[field] });
    }
  }
  return changes;
}
