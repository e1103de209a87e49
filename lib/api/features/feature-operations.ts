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
  createFeatureBodySchema,
  featureChangesDocSchema,
  featureListQuerySchema,
} from "./feature-bodies";
import { featureResourceSchema, featureSummarySchema } from "./feature-resource";

const tags = ["Features"];

const featureParams = idParams.extend({
  featureId: z.uuid().meta({ description: "The feature's id." }),
});

export const featurePaths: ZodOpenApiPathsObject = {
  "/instances/{id}/features": {
    get: operation({
      operationId: "listFeatures",
      summary: "List an instance's features",
      description:
        "Features: View. By name, all kinds or one (`kind`); keyset paging, `nextCursor` leads on. `seatId` null marks a spare.",
      tags,
      requestParams: { path: idParams, query: featureListQuerySchema },
      responses: {
        "200": json(pageSchema(featureSummarySchema, "FeaturePage"), "A page of features."),
        ...notFound,
        ...invalid,
      },
    }),
    post: operation({
      operationId: "createFeature",
      summary: "Add a feature",
      description:
        "Features: Create. `kind` and that kind's fields, checked as the kind's form checks them; the feature starts as a spare. Phone numbers and MAC addresses are unique in the account, extensions in the instance (409).",
      tags,
      requestParams: {
        path: idParams,
        header: z.object({ "idempotency-key": idempotencyHeader }),
      },
      requestBody: { content: { "application/json": { schema: createFeatureBodySchema } } },
      responses: {
        "201": json(featureResourceSchema, "The created feature."),
        ...notFound,
        ...invalid,
        ...conflict,
      },
    }),
  },
  "/instances/{id}/features/{featureId}": {
    get: operation({
      operationId: "getFeature",
      summary: "Get a feature",
      description:
        "Features: View. With the seat that has it and where deleting it reaches (`usage`); the ETag header is the version to send back in If-Match.",
      tags,
      requestParams: { path: featureParams },
      responses: { "200": json(featureResourceSchema, "The feature."), ...notFound },
    }),
    patch: operation({
      operationId: "updateFeature",
      summary: "Change a feature",
      description:
        "Features: View and Edit. Fields of the feature's kind; fields left out stay as they are. The kind cannot change.",
      tags,
      requestParams: { path: featureParams, header: z.object({ "if-match": ifMatchHeader }) },
      requestBody: { content: { "application/json": { schema: featureChangesDocSchema } } },
      responses: {
        "200": json(featureResourceSchema, "The changed feature."),
        ...notFound,
        ...invalid,
        ...conflict,
        ...preconditionFailed,
      },
    }),
    delete: operation({
      operationId: "deleteFeature",
      summary: "Delete a feature",
      description:
        "Features: View and Delete. Its extension is freed and every reference to it goes (call flow steps, ring group membership). A feature in use (`usage` not empty) is deleted only with If-Match naming the version whose usage you read; without it: 409.",
      tags,
      requestParams: { path: featureParams, header: z.object({ "if-match": ifMatchHeader }) },
      responses: {
        "204": { description: "Deleted." },
        ...notFound,
        ...conflict,
        ...preconditionFailed,
      },
    }),
  },
};
