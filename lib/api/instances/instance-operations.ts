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
  problemSchema,
} from "../openapi/common";
import { pageSchema } from "../paging";
import {
  createInstanceBodySchema,
  instanceListQuerySchema,
  rebuildBodySchema,
  updateInstanceBodySchema,
} from "./instance-bodies";
import { instanceResourceSchema, instanceSummarySchema } from "./instance-resource";

const tags = ["Instances"];

export const instancePaths: ZodOpenApiPathsObject = {
  "/instances": {
    get: operation({
      operationId: "listInstances",
      summary: "List instances",
      description: "Instances: View. By name; keyset paging, `nextCursor` leads on.",
      tags,
      requestParams: { query: instanceListQuerySchema },
      responses: {
        "200": json(pageSchema(instanceSummarySchema, "InstancePage"), "A page of instances."),
        ...invalid,
      },
    }),
    post: operation({
      operationId: "createInstance",
      summary: "Create an instance",
      description: "Instances: Create. Names are unique in the account, ignoring case.",
      tags,
      requestParams: { header: z.object({ "idempotency-key": idempotencyHeader }) },
      requestBody: { content: { "application/json": { schema: createInstanceBodySchema } } },
      responses: {
        "201": json(instanceResourceSchema, "The created instance."),
        ...invalid,
        ...conflict,
      },
    }),
  },
  "/instances/{id}": {
    get: operation({
      operationId: "getInstance",
      summary: "Get an instance",
      description:
        "Instances: View. With its feature counts by kind and its seat count; the ETag header is the version to send back in If-Match.",
      tags,
      requestParams: { path: idParams },
      responses: { "200": json(instanceResourceSchema, "The instance."), ...notFound },
    }),
    patch: operation({
      operationId: "updateInstance",
      summary: "Change an instance",
      description:
        "Instances: Edit. Name, region and notes; fields left out stay as they are. The status belongs to rebuilds.",
      tags,
      requestParams: { path: idParams, header: z.object({ "if-match": ifMatchHeader }) },
      requestBody: { content: { "application/json": { schema: updateInstanceBodySchema } } },
      responses: {
        "200": json(instanceResourceSchema, "The changed instance."),
        ...notFound,
        ...invalid,
        ...conflict,
        ...preconditionFailed,
      },
    }),
    delete: operation({
      operationId: "deleteInstance",
      summary: "Delete an instance",
      description:
        "Instances: Delete. Its features and seats go with it; the people keep their accounts.",
      tags,
      requestParams: { path: idParams },
      responses: { "204": { description: "Deleted." }, ...notFound },
    }),
  },
  "/instances/{id}/rebuild": {
    post: operation({
      operationId: "rebuildInstance",
      summary: "Force a rebuild",
      description:
        "Instances: Rebuild (and View, for the answer). The instance turns `rebuilding` and the provisioning back end is asked to rebuild it; the status turns `active` or `failed` when it reports back. One rebuild at a time.",
      tags,
      requestParams: {
        path: idParams,
        header: z.object({ "idempotency-key": idempotencyHeader }),
      },
      requestBody: { content: { "application/json": { schema: rebuildBodySchema } } },
      responses: {
        "202": json(instanceResourceSchema, "Started: the instance, now rebuilding."),
        ...notFound,
        ...invalid,
        "409": {
          description: "A rebuild is already running; nothing was started.",
          content: { "application/problem+json": { schema: problemSchema } },
        },
      },
    }),
  },
};
