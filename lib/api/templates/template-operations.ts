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
  createTemplateBodySchema,
  templateListQuerySchema,
  updateTemplateBodySchema,
} from "./template-bodies";
import { templateResourceSchema, templateSummarySchema } from "./template-resource";

const tags = ["Templates"];

export const templatePaths: ZodOpenApiPathsObject = {
  "/templates": {
    get: operation({
      operationId: "listTemplates",
      summary: "List templates",
      description:
        "Templates: View. Every template of the account by name, on one page (`nextCursor` is null).",
      tags,
      requestParams: { query: templateListQuerySchema },
      responses: {
        "200": json(pageSchema(templateSummarySchema, "TemplatePage"), "The templates."),
        ...invalid,
      },
    }),
    post: operation({
      operationId: "createTemplate",
      summary: "Create a template",
      description:
        "Templates: Create. Setup attributes, features and call flow as the template form has them; every {{placeholder}} must name a setup attribute or a user field (userName, firstName, lastName, email, extension). Starts at version 1.",
      tags,
      requestParams: { header: z.object({ "idempotency-key": idempotencyHeader }) },
      requestBody: { content: { "application/json": { schema: createTemplateBodySchema } } },
      responses: {
        "201": json(templateResourceSchema, "The created template."),
        ...invalid,
        ...conflict,
      },
    }),
  },
  "/templates/{id}": {
    get: operation({
      operationId: "getTemplate",
      summary: "Get a template",
      description:
        "Templates: View. With how many seats were made from it, and from older versions; the ETag header is the version to send back in If-Match.",
      tags,
      requestParams: { path: idParams },
      responses: { "200": json(templateResourceSchema, "The template."), ...notFound },
    }),
    patch: operation({
      operationId: "updateTemplate",
      summary: "Change a template",
      description:
        "Templates: View and Edit. A change raises `version` by one; a PATCH that changes nothing keeps it. Seats already made keep what they have and the version they were made from.",
      tags,
      requestParams: { path: idParams, header: z.object({ "if-match": ifMatchHeader }) },
      requestBody: { content: { "application/json": { schema: updateTemplateBodySchema } } },
      responses: {
        "200": json(templateResourceSchema, "The template as saved."),
        ...notFound,
        ...invalid,
        ...conflict,
        ...preconditionFailed,
      },
    }),
    delete: operation({
      operationId: "deleteTemplate",
      summary: "Delete a template",
      description:
        "Templates: Delete. Seats made from it keep their features, call flow and version.",
      tags,
      requestParams: { path: idParams },
      responses: { "204": { description: "Deleted." }, ...notFound },
    }),
  },
};
