import { eq } from "drizzle-orm";
import { createOrganization } from "../../lib/accounts/setup-organization";
import type { Actor } from "../../lib/auth/actor";
import { hashPassword } from "../../lib/auth/passwords";
import { createUser } from "../../lib/users/create-user";
import { updateProfile } from "../../lib/users/update-profile";
import { closeDb, getDb } from "../client";
import { applyMigrations } from "../migrate";
import { accounts } from "../schema";
import { demoDomain, demoPeople } from "./demo-people";

const organizationName = "Contoso Communications";
const demoPassword = "switchboard-demo-2026";

// Loads the demo organization into the configured database (PGlite or DATABASE_URL).
async function loadDemo() {
  await applyMigrations();
  const existing = await getDb().select().from(accounts).where(eq(accounts.name, organizationName));
  if (existing.length > 0) {
    console.error(
      `The demo organization "${organizationName}" is already loaded; nothing was changed.`,
    );
    process.exitCode = 1;
    return;
  }
  const [owner, ...people] = demoPeople();
  if (!owner) throw new Error("The demo cast is empty.");
  const { account, admin } = await createOrganization({
    organizationName,
    userName: owner.userName,
    email: owner.email,
    passwordHash: await hashPassword(demoPassword),
    clientAddress: "127.0.0.1",
    onlyIfFirst: false,
  });
  const actor: Actor = {
    id: admin.id,
    accountId: account.id,
    role: "administrator",
    userName: admin.userName,
    clientAddress: "127.0.0.1",
  };
  await updateProfile({ actor, input: { ...owner } });
  for (const person of people) {
    await createUser({ actor, input: { ...person, newPassword: demoPassword } });
  }
  console.log(`Loaded "${organizationName}" with ${people.length + 1} users (@${demoDomain}).`);
  console.log("Sign in as an Administrator:");
  console.log(`  user name: ${owner.userName}   password: ${demoPassword}`);
  console.log(`Every demo user has the same password; e.g. ${people[5]?.userName} is a User.`);
}

loadDemo()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
