"use client";

import { expandClickToDial, validateClickToDialTemplate } from "@/lib/users/fields/click-to-dial";
import { parsePhone } from "@/lib/users/fields/phone";
import type { UserFormValues } from "@/lib/users/schemas";

/** A live preview of the user's Click To Dial link, filled with their own phone. */
export function ClickToDialPreview({ values }: { values: Partial<UserFormValues> }) {
  const template = values.clickToDial?.trim() ?? "";
  if (!template || validateClickToDialTemplate(template)) return null;
  const phone = parsePhone(values.phone ?? "");
  const e164 = phone.ok ? phone.e164 : "";
  const url = expandClickToDial(template, {
    PhoneNumber: e164,
    Ext: values.extension ?? "",
    Phone: e164,
    Extension: values.extension ?? "",
    UserName: values.userName ?? "",
    FirstName: values.firstName ?? "",
    LastName: values.lastName ?? "",
    Alias: values.alias ?? "",
    Title: values.title ?? "",
    Email: values.email ?? "",
  });
  if (!url) return null;
  return (
    <p className="mt-2 text-xs text-neutral-700" aria-live="polite">
      Preview for this user's phone:{" "}
      <a href={url} className="break-all font-mono text-accent-700 underline" rel="noreferrer">
        {url}
      </a>
    </p>
  );
}
