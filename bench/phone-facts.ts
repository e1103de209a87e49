import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { encodeFeatureListCursor } from "../lib/features/feature-list-cursor";
import { encodeNameCursor } from "../lib/instances/list-cursor";
import { benchInstances } from "./phone-system-specs";
import { rowsOf } from "./sql-values";

/** A page deep in a list: the cursor its Next link carries and the row the page starts with. */
export type DeepListPage = { after: string; position: number; firstLabel: string };

/** One bench instance as its pages show it: totals, first rows and a page 90% down each list. */
export type InstanceFacts = {
  id: string;
  name: string;
  features: number;
  seats: number;
  firstFeature: string;
  firstDevice: string;
  firstSeatUser: string;
  deepFeatures: DeepListPage;
  deepSeats: DeepListPage;
};

export type PhoneFacts = { big: InstanceFacts; small: InstanceFacts };

type Keyed = { value: string; id: string; label: string };

/**
 * The row at `position` of a list ordered as the service orders it, encoded as the cursor
 * the page before carries in its Next link, and the row the page starts with.
 */
async function deepPage(
  db: Database,
  rows: SQL,
  total: number,
  encode: (cursor: { name: string; id: string }) => string,
): Promise<DeepListPage> {
  const position = Math.max(0, Math.floor(total * 0.9) - 1);
  const [at, first] = rowsOf<Keyed>(await db.execute(sql`${rows} offset ${position} limit 2`));
  if (!at || !first) throw new Error("A bench instance has too few rows for a deep page.");
  return {
    after: encode({ name: at.value, id: at.id }),
    // 1-based, as "row 9,001" of 10,000.
    position: position + 2,
    firstLabel: first.label,
  };
}

async function instanceFacts(
  db: Database,
  accountId: string,
  name: string,
): Promise<InstanceFacts | undefined> {
  const [instance] = rowsOf<{ id: string; features: number; seats: number }>(
    await db.execute(sql`
      select i.id, (select count(*)::int from features f where f.instance_id = i.id) as features,
             (select count(*)::int from seats s where s.instance_id = i.id) as seats
        from instances i where i.account_id = ${accountId} and i.name = ${name}`),
  );
  if (!instance) return undefined;
  // The services' orders: features by (lower(name), id), seats by (lower(user name), seat id).
  const features = (kind?: string) => sql`
    select lower(name) as value, id, name as label from features
     where instance_id = ${instance.id} ${kind ? sql`and kind = ${kind}` : sql``}
     order by lower(name), id`;
  const seats = sql`
    select lower(u.user_name) as value, s.id, u.user_name as label
      from seats s join users u on u.id = s.user_id
     where s.instance_id = ${instance.id}
     order by lower(u.user_name), s.id`;
  const first = async (rows: SQL) =>
    rowsOf<Keyed>(await db.execute(sql`${rows} limit 1`))[0]?.label ?? "";
  return {
    id: instance.id,
    name,
    features: instance.features,
    seats: instance.seats,
    firstFeature: await first(features()),
    firstDevice: await first(features("device")),
    firstSeatUser: await first(seats),
    deepFeatures: await deepPage(db, features(), instance.features, encodeFeatureListCursor),
    deepSeats: await deepPage(db, seats, instance.seats, encodeNameCursor),
  };
}

/**
 * Bench Big and Bench Small of the big account, or undefined in a database seeded before
 * they existed (`npm run bench:seed:phone` adds them).
 */
export async function readPhoneFacts(
  db: Database,
  accountId: string,
): Promise<PhoneFacts | undefined> {
  const [bigSpec, smallSpec] = benchInstances;
  const big = await instanceFacts(db, accountId, bigSpec!.name);
  const small = await instanceFacts(db, accountId, smallSpec!.name);
  return big && small ? { big, small } : undefined;
}
