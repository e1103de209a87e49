import { sql } from "drizzle-orm";
import { users } from "@/db/schema";

/** The person a seat belongs to, as lists and details name them. */
export type SeatHolder = { userId: string; userName: string; displayName: string };

/** Columns that read a seat's user as a SeatHolder (null for a spare), from a left join. */
export const seatHolderColumns = {
  holderId: users.id,
  holderUserName: users.userName,
  holderName: sql<string>`trim(${users.firstName} || ' ' || ${users.lastName})`,
};

export function seatHolder(row: {
  holderId: string | null;
  holderUserName: string | null;
  holderName: string | null;
}): SeatHolder | null {
  if (!row.holderId || !row.holderUserName) return null;
  return {
    userId: row.holderId,
    userName: row.holderUserName,
    displayName: row.holderName || row.holderUserName,
  };
}
