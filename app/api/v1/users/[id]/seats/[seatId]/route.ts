// GET /api/v1/users/{id}/seats/{seatId}: tokens with Users: View and Instances: View.
import { apiJson, apiRoute } from "@/lib/api/api-route";
import { etagOf } from "@/lib/api/etag";
import { findUserSeat } from "@/lib/api/seats/find-user-seat";
import { getUser } from "@/lib/users/find-user";

type Params = { id: string; seatId: string };

export const GET = apiRoute<Params>(async ({ actor, params }) => {
  const user = await getUser({ actor, userId: params.id });
  const seat = await findUserSeat(actor, user.id, params.seatId);
  return apiJson(seat, { etag: etagOf(seat) });
});
