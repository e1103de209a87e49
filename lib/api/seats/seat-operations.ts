import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import {
  conflict,
  idempotencyHeader,
  idParams,
  invalid,
  json,
  notFound,
  operation,
} from "../openapi/common";
import { pageSchema } from "../paging";
import { applyTemplateBodySchema, seatListQuerySchema } from "./seat-bodies";
import { seatResourceSchema } from "./seat-resource";

const tags = ["Seats"];

const seatParams = idParams.extend({
  seatId: z.uuid().meta({ description: "The seat's id." }),
});

export const seatPaths: ZodOpenApiPathsObject = {
  "/users/{id}/seats": {
    get: operation({
      operationId: "listUserSeats",
      summary: "List a user's seats",
      description:
        "Users: View and Instances: View. One seat per instance the user is in, with its features and call flow, on one page (`nextCursor` is null).",
      tags,
      requestParams: { path: idParams, query: seatListQuerySchema },
      responses: {
        "200": json(pageSchema(seatResourceSchema, "SeatPage"), "The user's seats."),
        ...notFound,
        ...invalid,
      },
    }),
    post: operation({
      operationId: "applyTemplate",
      summary: "Apply a template to a user",
      description:
        "Users: Edit, Instances: View and Templates: Apply. Makes the user's seat in the instance from the template, all or nothing, as the seat wizard and Save do: the setup attributes are checked by the template's rules, the features it lists are created or taken from the spares, the extension is claimed and the call flow set. 409 when the user already has a seat there, an extension is taken, no spare is left, or the template changed from `templateVersion`.",
      tags,
      requestParams: {
        path: idParams,
        header: z.object({ "idempotency-key": idempotencyHeader }),
      },
      requestBody: { content: { "application/json": { schema: applyTemplateBodySchema } } },
      responses: {
        "201": json(seatResourceSchema, "The new seat."),
        ...notFound,
        ...invalid,
        ...conflict,
      },
    }),
  },
  "/users/{id}/seats/{seatId}": {
    get: operation({
      operationId: "getUserSeat",
      summary: "Get a user's seat",
      description: "Users: View and Instances: View.",
      tags,
      requestParams: { path: seatParams },
      responses: { "200": json(seatResourceSchema, "The seat."), ...notFound },
    }),
  },
};
