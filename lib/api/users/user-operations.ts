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
import { createUserBodySchema, updateUserBodySchema, userListQuerySchema } from "./user-bodies";
import { userResourceSchema, userSummarySchema } from "./user-resource";

const tags = ["Users"];

export const userPaths: ZodOpenApiPathsObject = {
  "/users": {
    get: operation({
      operationId: "listUsers",
      summary: "List users",
      description: "Users: View. Keyset paging by the sorted column; `nextCursor` leads on.",
      tags,
      requestParams: { query: userListQuerySchema },
      responses: {
        "200": json(pageSchema(userSummarySchema, "UserPage"), "A page of users."),
        ...invalid,
      },
    }),
    post: operation({
      operationId: "createUser",
      summary: "Create a user",
      description: "Users: Create. Only an Administrator's token can make an Administrator.",
      tags,
      requestParams: { header: z.object({ "idempotency-key": idempotencyHeader }) },
      requestBody: { content: { "application/json": { schema: createUserBodySchema } } },
      responses: { "201": json(userResourceSchema, "The created user."), ...invalid, ...conflict },
    }),
  },
  "/users/{id}": {
    get: operation({
      operationId: "getUser",
      summary: "Get a user",
      description: "Users: View. The ETag header is the version to send back in If-Match.",
      tags,
      requestParams: { path: idParams },
      responses: { "200": json(userResourceSchema, "The user."), ...notFound },
    }),
    patch: operation({
      operationId: "updateUser",
      summary: "Change a user",
      description: "Users: Edit. Fields left out stay as they are.",
      tags,
      requestParams: { path: idParams, header: z.object({ "if-match": ifMatchHeader }) },
      requestBody: { content: { "application/json": { schema: updateUserBodySchema } } },
      responses: {
        "200": json(userResourceSchema, "The changed user."),
        ...notFound,
        ...invalid,
        ...conflict,
        ...preconditionFailed,
      },
    }),
    delete: operation({
      operationId: "deleteUser",
      summary: "Delete a user",
      description:
        "Users: Delete. Their seats' features stay as spares unless `seatFeatures=release`.",
      tags,
      requestParams: {
        path: idParams,
        query: z.object({ seatFeatures: z.enum(["keep", "release"]).optional() }),
      },
      responses: { "204": { description: "Deleted." }, ...notFound, ...conflict },
    }),
  },
};
