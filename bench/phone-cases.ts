import type { BenchCase } from "./cases";
import type { InstanceFacts, PhoneFacts } from "./phone-facts";

const count = (value: number) => value.toLocaleString("en");

/**
 * The Instance Manager's pages for Bench Big (10,000 features, 5,000 seats) and the same
 * pages for Bench Small, each pair compared side by side in the report: with keyset paging
 * and indexes a big instance's page should cost what a small one's does.
 */
export function phoneCases(phone: PhoneFacts, cookie: string): BenchCase[] {
  const page = (
    name: string,
    path: string,
    text: string,
    compare?: BenchCase["compare"],
  ): BenchCase => ({
    name,
    method: "GET",
    path,
    connections: 10,
    headers: { cookie },
    expect: { status: 200, text },
    compare,
  });
  const pair = (
    title: string,
    build: (facts: InstanceFacts) => { path: string; text: string },
  ): BenchCase[] =>
    (["big", "small"] as const).map((size) => {
      const facts = phone[size];
      const { path, text } = build(facts);
      const label = `<${size}>`;
      return page(title.replace("<instance>", label), path, text, { page: title, instance: size });
    });
  const { big } = phone;
  return [
    page("/instances", "/instances", big.name),
    ...pair("/instances/<instance>", (facts) => ({
      path: `/instances/${facts.id}`,
      // The feature total appears only in the selected instance's details.
      text: `Delete instance ${facts.name}?`,
    })),
    ...pair("/instances/<instance>/features", (facts) => ({
      path: `/instances/${facts.id}/features`,
      text: facts.firstFeature,
    })),
    page(
      `/instances/<big>/features deep page (row ${count(big.deepFeatures.position)} of ${count(big.features)})`,
      `/instances/${big.id}/features?${new URLSearchParams({ after: big.deepFeatures.after })}`,
      big.deepFeatures.firstLabel,
    ),
    ...pair("/instances/<instance>/features?kind=devices", (facts) => ({
      path: `/instances/${facts.id}/features?kind=devices`,
      text: facts.firstDevice,
    })),
    ...pair("/instances/<instance>/seats", (facts) => ({
      path: `/instances/${facts.id}/seats`,
      text: facts.firstSeatUser,
    })),
    page(
      `/instances/<big>/seats deep page (row ${count(big.deepSeats.position)} of ${count(big.seats)})`,
      `/instances/${big.id}/seats?${new URLSearchParams({ after: big.deepSeats.after })}`,
      big.deepSeats.firstLabel,
    ),
  ];
}
