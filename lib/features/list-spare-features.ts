import "server-only";
import { and, asc, eq, ilike, isNull, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { features } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { escapeLike } from "@/lib/sql/escape-like";
import { findFeatureInstance } from "./find-feature";
import type { FeatureKind } from "./kinds";

export const spareLimit = 200;

export type ListSpareFeaturesOptions = {
  actor: Actor;
  instanceId: string;
  kind?: FeatureKind;
  /** Part of a name, phone number, extension or MAC address. */
  q?: string;
};

/**
 * The features of an instance no seat has, for "Add" on the user form: at most 200 by
 * name, `more` saying a search would narrow them.
 */
export async function listSpareFeatures({ actor, instanceId, kind, q }: ListSpareFeaturesOptions) {
  assertCan(actor, "features", "view");
  const db = getDb();
  const instance = await findFeatureInstance(db, actor.accountId, instanceId);
  const term = q?.trim() ?? "";
  const pattern = `%${escapeLike(term)}%`;
  // Phone numbers are stored as +12125550100: a number typed with spaces, dashes or
  // brackets finds them by its digits.
  const digits = /^[0-9+\s().-]+$/.test(term) ? term.replace(/[^0-9]/g, "") : "";
  const rows = await db
    .select({
      id: features.id,
      kind: features.kind,
      name: features.name,
      phoneNumber: features.phoneNumber,
      macAddress: features.macAddress,
      extension: features.extension,
      settings: features.settings,
      seatId: features.seatId,
    })
    .from(features)
    .where(
      and(
        eq(features.instanceId, instance.id),
        eq(features.accountId, actor.accountId),
        isNull(features.seatId),
        kind ? eq(features.kind, kind) : undefined,
        term
          ? or(
              ilike(features.name, pattern),
              ilike(features.macAddress, pattern),
              eq(features.extension, term),
              digits ? ilike(features.phoneNumber, `%${digits}%`) : undefined,
            )
          : undefined,
      ),
    )
    .orderBy(asc(sql`lower(${features.name})`), asc(features.id))
    .limit(spareLimit + 1);
  return { instance, rows: rows.slice(0, spareLimit), more: rows.length > spareLimit };
}
