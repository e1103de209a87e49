import "server-only";
import { eq } from "drizzle-orm";
import { cache } from "react";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { requireActor } from "@/lib/auth/current-user";
import { type ClickToDialField, expandClickToDial } from "@/lib/users/fields/click-to-dial";

/**
 * The signed-in user's own Click To Dial template and fields, read once per request. Only
 * ever used to build links on pages that user is looking at: the template (which may hold
 * an API key) reaches no one else's page.
 */
const ownClickToDial = cache(async () => {
  const actor = await requireActor();
  const [own] = await getDb()
    .select({
      template: users.clickToDial,
      UserName: users.userName,
      FirstName: users.firstName,
      LastName: users.lastName,
      Alias: users.alias,
      Title: users.title,
      Email: users.email,
      Phone: users.phone,
      Extension: users.extension,
    })
    .from(users)
    .where(eq(users.id, actor.id));
  return own;
});

/**
 * The link for calling a number: the signed-in user's Click To Dial template with
 * [Field:PhoneNumber] and [Field:Ext] filled in (other fields are the user's own), or a
 * tel: link when they have none.
 */
export async function clickToDialHref(e164: string, ext = ""): Promise<string> {
  const own = await ownClickToDial();
  const tel = `tel:${e164}${ext ? `;ext=${encodeURIComponent(ext)}` : ""}`;
  if (!own?.template) return tel;
  const { template, ...fields } = own;
  const values: Partial<Record<ClickToDialField, string>> = {
    ...fields,
    PhoneNumber: e164,
    Ext: ext,
  };
  return expandClickToDial(template, values) ?? tel;
}
