import type { ZodOpenApiPathsObject } from "zod-openapi";
import { invalid, json, operation } from "../openapi/common";
import { pageSchema } from "../paging";
import { activityListQuerySchema } from "./activity-query";
import { activityResourceSchema } from "./activity-resource";

export const activityPaths: ZodOpenApiPathsObject = {
  "/activity": {
    get: operation({
      operationId: "listActivity",
      summary: "List account activity",
      description:
        "Account Activity: View all lists the account's activity; View own only the rows where the token's owner is the actor or the target. Newest first; `nextCursor` leads to older rows.",
      tags: ["Account Activity"],
      requestParams: { query: activityListQuerySchema },
      responses: {
        "200": json(pageSchema(activityResourceSchema, "ActivityPage"), "A page of activity."),
        ...invalid,
      },
    }),
  },
};
