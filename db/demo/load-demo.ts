import { eq } from "drizzle-orm";
import { createOrganization } from "../../lib/accounts/setup-organization";
import type { Actor } from "../../lib/auth/actor";
import { hashPassword } from "../../lib/auth/passwords";
import { env } from "../../lib/env";
import { createGroup } from "../../lib/groups/create-group";
import { addGroupMember } from "../../lib/groups/group-members";
import type { GroupInput } from "../../lib/groups/schemas";
import { createUser } from "../../lib/users/create-user";
import { updateProfile } from "../../lib/users/update-profile";
import { closeDb, getDb } from "../client";
import { applyMigrations } from "../migrate";
import { accounts } from "../schema";
import { demoDomain, demoPeople } from "./demo-people";
import { loadDemoPhoneSystem } from "./demo-phone-system";

const organizationName = "Contoso Communications";
const demoPassword = "switchboard-demo-2026";

const demoGroups: GroupInput[] = [
  {
    name: "Helpdesk",
    description: "First-line support: looks after users' details.",
    permissions: ["users:view", "users:edit", "activity:view_all"],
  },
  {
    name: "Telephony",
    description: "Runs the phone systems.",
    permissions: [
      "instances:view",
      "instances:create",
      "instances:edit",
      "instances:rebuild",
      "features:view",
      "features:edit",
      "templates:view",
      "templates:apply",
    ],
  },
  {
    name: "Finance",
    description: "Pays the bills.",
    permissions: ["billing:view", "billing:manage", "organization:view"],
  },
];

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
  const userNames: string[] = [];
  const activeUsers = [];
  for (const person of people) {
    const user = await createUser({ actor, input: { ...person, newPassword: demoPassword } });
    if (user.role === "user" && user.active) userNames.push(user.userName);
    if (user.active) activeUsers.push(user);
  }
  const phoneSystem = await loadDemoPhoneSystem(actor, activeUsers);
  for (const [index, group] of demoGroups.entries()) {
    const created = await createGroup({ actor, input: group });
    // Four members each, from different parts of the cast; the first User is in two groups.
    for (const userName of [userNames[0], ...userNames.slice(3 + index * 4, 6 + index * 4)]) {
      if (userName) await addGroupMember({ actor, groupId: created.id, userName });
    }
  }
  console.log(
    `Loaded "${organizationName}" with ${people.length + 1} users (@${demoDomain}), ${demoGroups.length} groups, ${phoneSystem.instances} instances and ${phoneSystem.seats} seats.`,
  );
  console.log("Sign in as an Administrator:");
  console.log(`  user name: ${owner.userName}   password: ${demoPassword}`);
  console.log(`Every demo user has the same password; e.g. ${people[5]?.userName} is a User.`);
}

// Every demo user shares the password printed above, an Administrator among them: in a
// production database that is an open door, so it takes a deliberate --force.
if (env.NODE_ENV === "production" && !process.argv.includes("--force")) {
  console.error(
    "Refusing to load the demo organization: NODE_ENV is production, and the demo adds " +
      "users (an Administrator among them) whose password is published.\n" +
      "Unset NODE_ENV to load it into a development database, or run " +
      "`npm run demo -- --force` if you really mean this database.",
  );
  process.exitCode = 1;
} else {
  loadDemo()
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    })
    .finally(() => closeDb());
}
