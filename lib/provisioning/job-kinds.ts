/** The background jobs of rebuilds (lib/jobs): send the request, then (embedded) complete it. */
export const provisioningJobKinds = {
  requestRebuild: "provisioning.request_rebuild",
  completeRebuild: "provisioning.complete_rebuild",
} as const;
