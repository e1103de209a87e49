import { apiRoute } from "@/lib/api/api-route";
import { removeGroupMember } from "@/lib/groups/group-members";

type Params = { id: string; userId: string };

// DELETE /api/v1/groups/{id}/members/{userId}: tokens whose owner may edit groups and manage the user.
export const DELETE = apiRoute<Params>(async ({ actor, params }) => {
  await removeGroupMember({ actor, groupId: params.id, userId: params.userId });
  return new Response(null, { status: 204 });
});
