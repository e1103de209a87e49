import { performance } from "node:perf_hooks";
import { and, eq, sql } from "drizzle-orm";
import type { Database, Transaction } from "../db/client";
import { templates } from "../db/schema";
import type { Actor } from "../lib/auth/actor";
import { regionLabel } from "../lib/instances/regions";
import { createTemplate } from "../lib/templates/create-template";
import { createStandardUserTemplate } from "../lib/templates/standard-user-template";
import { benchAdminActor } from "./bench-actor";
import { benchFiveTemplate } from "./bench-five-template";
import { type PhoneSystemPlan, planPhoneSystem, type SeatPersonRow } from "./phone-system-plan";
import { type BenchInstanceSpec, benchInstances, seatCount } from "./phone-system-specs";
import { rowsOf } from "./sql-values";

type TemplateRef = { id: string; name: string; version: number };

/** Bench Five, made once through the Templates service (its checks included). */
async function ensureBenchFive(db: Database, actor: Actor): Promise<TemplateRef> {
  const [existing] = await db
    .select({ id: templates.id, name: templates.name, version: templates.version })
    .from(templates)
    .where(
      and(
        eq(templates.accountId, actor.accountId),
        eq(sql`lower(${templates.name})`, benchFiveTemplate.name.toLowerCase()),
      ),
    );
  return existing ?? createTemplate({ actor, input: benchFiveTemplate });
}

/** Seats, features, extension claims and activity rows of a plan: one statement each. */
async function insertPlan(
  tx: Transaction,
  actor: Actor,
  instanceId: string,
  plan: PhoneSystemPlan,
) {
  const json = (rows: unknown[]) => sql`${JSON.stringify(rows)}::jsonb`;
  const who = sql`${actor.accountId}::uuid, ${actor.id}::uuid, ${actor.userName}, '127.0.0.1'`;
  await tx.execute(sql`
    with r as (
      select * from jsonb_to_recordset(${json(plan.seats)}) as r(
        id uuid, user_id uuid, user_name text, extension text, template_id uuid,
        template_version int, attributes jsonb, call_flow jsonb, details jsonb)
    ), s as (
      insert into seats (id, account_id, instance_id, user_id, extension, template_id,
                         template_version, attributes, call_flow)
      select id, ${actor.accountId}, ${instanceId}, user_id, extension, template_id,
             template_version, attributes, call_flow from r
      returning 1
    )
    insert into account_activity (account_id, actor_user_id, actor_label, client_address,
                                  kind, target_user_id, target_label, details)
    select ${who}, 'seat.created', user_id, user_name, details from r`);
  await tx.execute(sql`
    with r as (
      select * from jsonb_to_recordset(${json(plan.features)}) as r(
        id uuid, kind text, name text, seat_id uuid, "phoneNumber" text, "macAddress" text,
        extension text, settings jsonb, owner_label text)
    ), f as (
      insert into features (id, account_id, instance_id, kind, name, seat_id, phone_number,
                            mac_address, extension, settings)
      select id, ${actor.accountId}, ${instanceId}, kind, name, seat_id, "phoneNumber",
             "macAddress", extension, settings from r
      returning 1
    ), x as (
      insert into instance_extensions (instance_id, extension, owner_kind, owner_id, owner_label)
      select ${instanceId}, extension, kind, id, owner_label from r where owner_label is not null
      returning 1
    )
    insert into account_activity (account_id, actor_user_id, actor_label, client_address,
                                  kind, target_label, details)
    select ${who}, 'feature.created', name,
           jsonb_build_object('instance', (select name from instances where id = ${instanceId}),
                              'kind', kind, 'feature', name)
      from r where seat_id is null`);
}

/** One bench instance with its seats and features, in one transaction. */
async function seedInstance(
  db: Database,
  actor: Actor,
  spec: BenchInstanceSpec,
  template: TemplateRef,
) {
  const started = performance.now();
  const plan = await db.transaction(async (tx) => {
    const [instance] = rowsOf<{ id: string }>(
      await tx.execute(sql`
        insert into instances (account_id, name, region, notes)
        values (${actor.accountId}, ${spec.name}, ${spec.region}, ${spec.notes})
        returning id`),
    );
    const instanceId = instance!.id;
    await tx.execute(sql`
      insert into account_activity (account_id, kind, actor_user_id, actor_label, target_label,
                                    details, client_address)
      values (${actor.accountId}, 'instance.created', ${actor.id}, ${actor.userName}, ${spec.name},
              ${JSON.stringify({ instance: spec.name, region: spec.region, summary: `Region: ${regionLabel(spec.region)}` })}::jsonb,
              '127.0.0.1')`);
    // Active users without a seat yet, spread over the alphabet (md5 shuffles them). The
    // seed's emails with accented letters are left out: the email checks refuse them.
    const people = rowsOf<SeatPersonRow>(
      await tx.execute(sql`
        select u.id as "userId", u.user_name as "userName", u.first_name as "firstName",
               u.last_name as "lastName", u.email
          from users u
         where u.account_id = ${actor.accountId} and u.active and u.role = 'user'
           and u.email ~ '^[a-z0-9._-]+@[a-z0-9.-]+$'
           and not exists (select 1 from seats s where s.user_id = u.id)
         order by md5(u.id::text)
         limit ${seatCount(spec)}`),
    );
    if (people.length < seatCount(spec)) {
      throw new Error(
        `${spec.name} needs ${seatCount(spec)} users without a seat; the account has ${people.length}.`,
      );
    }
    const planned = planPhoneSystem(spec, people, template);
    await insertPlan(tx, actor, instanceId, planned);
    return planned;
  });
  const ms = performance.now() - started;
  console.log(
    `phone      ${spec.name}: ${plan.features.length.toLocaleString("en")} features, ${plan.seats.length.toLocaleString("en")} seats in ${(ms / 1000).toFixed(1)} s`,
  );
}

/**
 * The big account's phone system: the Standard User and Bench Five templates, "Bench Big"
 * (10,000 features, 5,000 seats) and "Bench Small" (20 features, 10 seats). Each instance
 * that exists already is left as it is, so this runs again safely on a seeded database.
 */
export async function seedPhoneSystem(db: Database): Promise<void> {
  const actor = await benchAdminActor(db);
  const standard = await createStandardUserTemplate(db, { accountId: actor.accountId });
  await ensureBenchFive(db, actor);
  for (const spec of benchInstances) {
    const [existing] = rowsOf<{ id: string }>(
      await db.execute(sql`
        select id from instances
         where account_id = ${actor.accountId} and lower(name) = lower(${spec.name})`),
    );
    if (existing) {
      console.log(`phone      ${spec.name} exists already; left as it is.`);
      continue;
    }
    await seedInstance(db, actor, spec, standard);
  }
  await db.execute(sql`analyze instances, features, seats, instance_extensions, templates`);
}
