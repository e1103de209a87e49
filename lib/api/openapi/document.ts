import { createDocument } from "zod-openapi";
import { activityPaths } from "../activity/activity-operations";
import { featurePaths } from "../features/feature-operations";
import { groupPaths } from "../groups/group-operations";
import { instancePaths } from "../instances/instance-operations";
import { permissionPaths } from "../permissions/permission-operations";
import { seatPaths } from "../seats/seat-operations";
import { templatePaths } from "../templates/template-operations";
import { userPaths } from "../users/user-operations";

// Every resource's operations, written beside its route handlers' schemas.
export const apiPaths = {
  ...userPaths,
  ...groupPaths,
  ...permissionPaths,
  ...activityPaths,
  ...instancePaths,
  ...featurePaths,
  ...templatePaths,
  ...seatPaths,
};

let cached: ReturnType<typeof createDocument> | undefined;

/** The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the handlers parse with. */
export function openApiDocument() {
  cached ??= createDocument({
    openapi: "3.1.0",
    info: {
      title: "Switchboard API",
      version: "1.0.0",
      description:
        "Everything an Administrator does in the portal, under the same permissions. Authenticate with `Authorization: Bearer sbk_…` (Integrations → API tokens). Errors are `application/problem+json` (RFC 9457); lists page with `?cursor=&limit=` (at most 200); updates honour `If-Match`, creations `Idempotency-Key`.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "An API token, `sbk_…`." },
      },
    },
    paths: apiPaths,
  });
  return cached;
}
