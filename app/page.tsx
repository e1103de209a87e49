import { redirect } from "next/navigation";
import { hasAnyAccount } from "@/lib/accounts/setup-organization";
import { requireActor } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";

// The portal's front door: first run, then each user's natural starting page.
export default async function HomePage() {
  if (!(await hasAnyAccount())) redirect("/setup");
  const actor = await requireActor();
  redirect(can(actor, "users", "view") ? "/users" : "/activity");
}
