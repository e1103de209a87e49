import { clickToDialHref } from "@/lib/click-to-dial/own-click-to-dial";
import { formatPhone } from "@/lib/users/fields/phone";

/**
 * Every phone number the portal shows goes through here: a call link built from the
 * signed-in user's Click To Dial template (tel: when they have none).
 */
export async function PhoneNumber({ e164, ext }: { e164: string; ext?: string }) {
  if (!e164) return null;
  const href = await clickToDialHref(e164, ext);
  return (
    <a
      href={href}
      className="whitespace-nowrap text-accent-700 tabular-nums hover:underline"
      rel="noreferrer"
      // No aria-label: the number itself names the link, so a field labelled "Phone" or
      // "Extension" nearby stays the only thing those words label.
    >
      {formatPhone(e164)}
    </a>
  );
}
