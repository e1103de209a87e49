"use server";

import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { setupSchema } from "@/lib/accounts/schemas";
import { hasAnyAccount, setupOrganization } from "@/lib/accounts/setup-organization";
import type { ActionState } from "@/lib/actions/action-state";
import { parseAndRun } from "@/lib/actions/form-action";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { signIn } from "@/lib/auth/next-auth";

export async function setupAction(_state: ActionState | undefined, formData: FormData) {
  // Once set up, setup no longer exists: answer before parsing the form or hashing anything.
  if (await hasAnyAccount()) notFound();
  return parseAndRun(setupSchema, formData, async (input) => {
    await setupOrganization({ input, clientAddress: clientAddressFrom(await headers()) });
    await signIn("credentials", {
      login: input.userName,
      password: input.password,
      // Straight to the licence: every page would send a first sign-in there anyway.
      redirectTo: "/licence?next=%2Fusers",
    });
    return undefined;
  });
}
