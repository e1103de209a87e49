import { sql } from "drizzle-orm";
import { closeDb, getDb } from "../db/client";
import { applyMigrations } from "../db/migrate";
import type { Actor } from "../lib/auth/actor";
import { hashPassword } from "../lib/auth/passwords";
import { saveDraftSeats } from "../lib/seats/save-draft-seats";
import type { AttributeDefinition } from "../lib/templates/attribute-types";
import { createUser } from "../lib/users/create-user";
import { deleteUser } from "../lib/users/delete-user";
import { benchAdminActor } from "./bench-actor";
import { benchFiveTemplate } from "./bench-five-template";
import { openLoggedConnection } from "./logged-connection";
import { benchInstances } from "./phone-system-specs";
import { prepareSeatDraft, type SaveTarget, savePerson, saveUserPrefix } from "./seat-save-wizard";
import { rowsOf } from "./sql-values";
import { summarize, type Timings, timed } from "./timings";

export type SeatSaveOptions = { saves: number; warmup: number };

export type SeatSaveResult = {
  instance: string;
  template: string;
  /** Features each saved seat has: four created, one spare phone number taken. */
  featuresPerSeat: number;
  saves: number;
  warmup: number;
  /** createUser({ actor, input, draftId }): the user form's whole Save, argon2 hash included. */
  saveMs: Timings;
  /** The same without a draft: the user alone (the hash, the checks, the insert, activity). */
  plainCreateUserMs: Timings;
  /** saveDraftSeats in a transaction of its own: the seat's share of the Save. */
  seatPartMs: Timings;
  /** One argon2id hash of a password, which every Save computes. */
  hashMs: Timings;
  /** Statements one Save sends, BEGIN, COMMIT and savepoints included. */
  statementsPerSave: number;
};

async function findTarget(actor: Actor): Promise<SaveTarget & { spares: number }> {
  const big = benchInstances[0]!.name;
  const [row] = rowsOf<{
    instanceId: string;
    templateId: string;
    version: number;
    attributes: AttributeDefinition[];
    spares: number;
  }>(
    await getDb().execute(sql`
      select i.id as "instanceId", t.id as "templateId", t.version, t.attributes,
             (select count(*)::int from features f
               where f.instance_id = i.id and f.kind = 'phone_number' and f.seat_id is null)
               as spares
        from instances i
        join templates t on t.account_id = i.account_id
                        and lower(t.name) = lower(${benchFiveTemplate.name})
       where i.account_id = ${actor.accountId} and i.name = ${big}`),
  );
  if (!row) {
    throw new Error(
      `No ${big} instance or ${benchFiveTemplate.name} template: run \`npm run bench:seed:phone\` first.`,
    );
  }
  const template = { id: row.templateId, version: row.version, attributes: row.attributes };
  return { instanceId: row.instanceId, template, spares: row.spares };
}

/**
 * Deletes every bench Save user, releasing their seats' features (their extensions and MAC
 * addresses with them; the phone numbers go back to the spares) through the real Delete.
 */
async function removeSaveUsers(actor: Actor): Promise<number> {
  const leftovers = rowsOf<{ id: string }>(
    await getDb().execute(sql`
      select id from users
       where account_id = ${actor.accountId} and user_name like ${`${saveUserPrefix}%`}`),
  );
  for (const { id } of leftovers) {
    await deleteUser({ actor, userId: id, seatFeatures: "release" });
  }
  await getDb().execute(sql`delete from user_form_drafts where owner_id = ${actor.id}`);
  return leftovers.length;
}

/** One more Save on a connection that logs what the services send, then its user removed. */
async function countSaveStatements(actor: Actor, target: SaveTarget, run: number, n: number) {
  await closeDb();
  const logged = openLoggedConnection();
  try {
    const { draftId, input } = await prepareSeatDraft(actor, target, savePerson(run, n));
    const statements = await logged.capture(() => createUser({ actor, input, draftId }));
    await removeSaveUsers(actor);
    return statements.length;
  } finally {
    await logged.close();
  }
}

/**
 * Times the user form's Save of a new user with a pending Bench Five seat in Bench Big,
 * `saves` times one after another (after `warmup` untimed ones), through the services the
 * pages call. Then splits it: the same users saved without the draft (the user alone) and
 * the draft's seats saved on their own. Every user it made is deleted again.
 */
export async function measureSeatSave(options: SeatSaveOptions): Promise<SeatSaveResult> {
  const { saves, warmup } = options;
  const perPhase = saves + warmup;
  // Two phases and one counted Save number their users 0-999 within a run.
  if (2 * perPhase + 1 > 1000) throw new Error(`--saves can be at most ${499 - warmup}.`);
  try {
    // As the server does at start: the services expect the schema of this checkout.
    await applyMigrations();
    const actor = await benchAdminActor(getDb());
    const left = await removeSaveUsers(actor);
    if (left > 0) console.log(`  removed ${left} users left by an earlier run`);
    const target = await findTarget(actor);
    if (target.spares < perPhase) {
      throw new Error(
        `Each Save takes a spare phone number: ${benchInstances[0]!.name} has ${target.spares}, ${perPhase} are needed.`,
      );
    }
    // A run number of its own keeps names, extensions and MACs apart from a stopped run's.
    const run = Math.floor(Date.now() / 60_000) % 10_000;
    const save: number[] = [];
    for (let n = 0; n < perPhase; n++) {
      const { draftId, input } = await prepareSeatDraft(actor, target, savePerson(run, n));
      const [, ms] = await timed(() => createUser({ actor, input, draftId }));
      if (n >= warmup) save.push(ms);
    }
    await removeSaveUsers(actor);
    const plain: number[] = [];
    const seatPart: number[] = [];
    for (let n = 0; n < perPhase; n++) {
      const person = savePerson(run, perPhase + n);
      const { draftId, input } = await prepareSeatDraft(actor, target, person);
      const [user, userMs] = await timed(() => createUser({ actor, input }));
      const [, seatMs] = await timed(() =>
        getDb().transaction((tx) => saveDraftSeats(tx, { actor, user, draftId })),
      );
      if (n >= warmup) {
        plain.push(userMs);
        seatPart.push(seatMs);
      }
    }
    await removeSaveUsers(actor);
    const statementsPerSave = await countSaveStatements(actor, target, run, 2 * perPhase);
    const hashes: number[] = [];
    for (let n = 0; n < 50; n++) {
      hashes.push((await timed(() => hashPassword(`Bench-hash-${n}-${run}`)))[1]);
    }
    return {
      instance: benchInstances[0]!.name,
      template: benchFiveTemplate.name,
      featuresPerSeat: benchFiveTemplate.features?.length ?? 0,
      saves,
      warmup,
      saveMs: summarize(save),
      plainCreateUserMs: summarize(plain),
      seatPartMs: summarize(seatPart),
      hashMs: summarize(hashes),
      statementsPerSave,
    };
  } finally {
    await closeDb();
  }
}
