/** The data centres an instance can run in. */
export const regions = ["us-east", "us-west", "eu-west", "eu-central", "ap-southeast"] as const;
export type Region = (typeof regions)[number];

export const regionLabels: Record<Region, string> = {
  "us-east": "US East (Virginia)",
  "us-west": "US West (Oregon)",
  "eu-west": "EU West (Ireland)",
  "eu-central": "EU Central (Frankfurt)",
  "ap-southeast": "Asia Pacific (Singapore)",
};

/** A stored region as people read it; one no longer offered keeps its code. */
export function regionLabel(region: string): string {
  return (regions as readonly string[]).includes(region) ? regionLabels[region as Region] : region;
}
