// GET and POST /api/v1/users/{id}/seats: tokens with Users: View and Instances: View to list;
// Users: Edit, Instances: View and Templates: Apply to apply a template.
import { apiJson, apiRoute } from "@/lib/api/api-route";
import { etagOf } from "@/lib/api/etag";
import { queryObject } from "@/lib/api/paging";
import { parseApiInput } from "@/lib/api/parse-api-input";
import { findUserSeat } from "@/lib/api/seats/find-user-seat";
import { applyTemplateBodySchema, seatListQuerySchema } from "@/lib/api/seats/seat-bodies";
import { toSeatResource } from "@/lib/api/seats/seat-resource";
import { applyTemplateToUser } from "@/lib/seats/apply-template-to-user";
import { listUserSeats } from "@/lib/seats/list-user-seats";
import { getUser } from "@/lib/users/find-user";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ actor, params, query }) => {
  parseApiInput(seatListQuerySchema, queryObject(query));
  const user = await getUser({ actor, userId: params.id });
  const seats = await listUserSeats({ actor, userId: user.id });
  return apiJson({
    data: seats.map((seat) => toSeatResource(user.id, seat)),
    nextCursor: null,
  });
});

export const POST = apiRoute<Params>(async ({ actor, params, body }) => {
  const input = parseApiInput(applyTemplateBodySchema, body());
  const { seatId, userId } = await applyTemplateToUser({ actor, userId: params.id, ...input });
  const seat = await findUserSeat(actor, userId, seatId);
  return apiJson(seat, {
    status: 201,
    etag: etagOf(seat),
    location: `/api/v1/users/${userId}/seats/${seat.id}`,
  });
});
