/** The logo's address, versioned by the last change so browsers fetch a new one at once. */
export function organizationLogoUrl(updatedAt: Date | number): string {
  return `/organization/logo?v=${typeof updatedAt === "number" ? updatedAt : updatedAt.getTime()}`;
}
