import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { listUserSeats } from "@/lib/seats/list-user-seats";
import { isUuid } from "@/lib/uuid";
import { type SeatResource, toSeatResource } from "./seat-resource";

/** One seat of a user as GET /users/{id}/seats lists it (a user has a handful at most). */
export async function findUserSeat(
  actor: Actor,
  userId: string,
  seatId: string,
): Promise<SeatResource> {
  const seat = isUuid(seatId)
    ? (await listUserSeats({ actor, userId })).find(
        (candidate) => candidate.id === seatId.toLowerCase(),
      )
    : undefined;
  if (!seat) throw new NotFoundError("This seat does not exist.");
  return toSeatResource(userId, seat);
}
