import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import {
  conflict,
  idParams,
  ifMatchHeader,
  invalid,
  json,
  notFound,
  operation,
  preconditionFailed,
} from "../openapi/common";
import { putUserPermissionsBodySchema } from "./permission-bodies";
import { userPermissionsSchema } from "./permission-resource";

const tags = ["Permissions"];

export const permissionPaths: ZodOpenApiPathsObject = {
  "/users/{id}/permissions": {
    get: operation({
      operationId: "getUserPermissions",
      summary: "Get a user's permissions",
      description:
        "Permissions: View (anyone may read their own). Effective permissions with their source, and the user's overrides. The ETag versions the overrides: send it back in If-Match to PUT.",
      tags,
      requestParams: { path: idParams },
      responses: { "200": json(userPermissionsSchema, "The user's permissions."), ...notFound },
    }),
    put: operation({
      operationId: "setUserPermissionOverrides",
      summary: "Replace a user's overrides",
      description:
        "Permissions: View and Edit. Allowing an action, or lifting a Deny, is a grant: only of actions the token's owner holds, for users they may manage. Nobody changes their own permissions; Administrators have no overrides (409).",
      tags,
      requestParams: { path: idParams, header: z.object({ "if-match": ifMatchHeader }) },
      requestBody: {
        content: { "application/json": { schema: putUserPermissionsBodySchema } },
      },
      responses: {
        "200": json(userPermissionsSchema, "The user's permissions after the change."),
        ...notFound,
        ...invalid,
        ...conflict,
        ...preconditionFailed,
      },
    }),
  },
};
