import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import {
  conflict,
  idempotencyHeader,
  idParams,
  ifMatchHeader,
  invalid,
  json,
  notFound,
  operation,
  preconditionFailed,
} from "../openapi/common";
import { pageSchema } from "../paging";
import {
  addGroupMemberBodySchema,
  createGroupBodySchema,
  groupListQuerySchema,
  groupMemberListQuerySchema,
  updateGroupBodySchema,
} from "./group-bodies";
import { groupMemberSchema, groupResourceSchema, groupSummarySchema } from "./group-resource";

const tags = ["Groups"];
const delegation =
  "A non-Administrator hands out only actions they hold, and changes or takes away only what reaches people they may manage.";

export const groupPaths: ZodOpenApiPathsObject = {
  "/groups": {
    get: operation({
      operationId: "listGroups",
      summary: "List groups",
      description: "Groups: View. By name; `nextCursor` leads on.",
      tags,
      requestParams: { query: groupListQuerySchema },
      responses: {
        "200": json(pageSchema(groupSummarySchema, "GroupPage"), "A page of groups."),
        ...invalid,
      },
    }),
    post: operation({
      operationId: "createGroup",
      summary: "Create a group",
      description: `Groups: Create. ${delegation}`,
      tags,
      requestParams: { header: z.object({ "idempotency-key": idempotencyHeader }) },
      requestBody: { content: { "application/json": { schema: createGroupBodySchema } } },
      responses: {
        "201": json(groupResourceSchema, "The created group."),
        ...invalid,
        ...conflict,
      },
    }),
  },
  "/groups/{id}": {
    get: operation({
      operationId: "getGroup",
      summary: "Get a group",
      description: "Groups: View. The ETag header is the version to send back in If-Match.",
      tags,
      requestParams: { path: idParams },
      responses: { "200": json(groupResourceSchema, "The group."), ...notFound },
    }),
    patch: operation({
      operationId: "updateGroup",
      summary: "Change a group",
      description: `Groups: Edit. Fields left out stay as they are. ${delegation}`,
      tags,
      requestParams: { path: idParams, header: z.object({ "if-match": ifMatchHeader }) },
      requestBody: { content: { "application/json": { schema: updateGroupBodySchema } } },
      responses: {
        "200": json(groupResourceSchema, "The changed group."),
        ...notFound,
        ...invalid,
        ...conflict,
        ...preconditionFailed,
      },
    }),
    delete: operation({
      operationId: "deleteGroup",
      summary: "Delete a group",
      description: `Groups: Delete. Its members lose what it granted. ${delegation}`,
      tags,
      requestParams: { path: idParams },
      responses: { "204": { description: "Deleted." }, ...notFound },
    }),
  },
  "/groups/{id}/members": {
    get: operation({
      operationId: "listGroupMembers",
      summary: "List a group's members",
      description: "Groups: View. By user id, so every page is as fast as the first.",
      tags,
      requestParams: { path: idParams, query: groupMemberListQuerySchema },
      responses: {
        "200": json(pageSchema(groupMemberSchema, "GroupMemberPage"), "A page of members."),
        ...notFound,
        ...invalid,
      },
    }),
    post: operation({
      operationId: "addGroupMember",
      summary: "Add a member",
      description:
        "Groups: Edit. Only for groups whose every action the token's owner holds, and for users they may manage; nobody changes their own memberships. 409 when the user is already a member.",
      tags,
      requestParams: {
        path: idParams,
        header: z.object({ "idempotency-key": idempotencyHeader }),
      },
      requestBody: { content: { "application/json": { schema: addGroupMemberBodySchema } } },
      responses: {
        "201": json(groupMemberSchema, "The new member."),
        ...notFound,
        ...invalid,
        ...conflict,
      },
    }),
  },
  "/groups/{id}/members/{userId}": {
    delete: operation({
      operationId: "removeGroupMember",
      summary: "Remove a member",
      description: "Groups: Edit. The same rules as adding one.",
      tags,
      requestParams: {
        path: idParams.extend({ userId: z.uuid().meta({ description: "The member's user id." }) }),
      },
      responses: { "204": { description: "Removed." }, ...notFound },
    }),
  },
};
