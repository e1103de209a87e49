import Link from "next/link";
import { allFeatureKinds, featureKindPluralLabels, featureKindSlugs } from "@/lib/features/kinds";
import type { FeatureListQuery } from "./list-query";
import { featuresPath } from "./list-query";

/** All features or one kind; a tab starts its list at the first page. */
export function KindTabs({ instanceId, query }: { instanceId: string; query: FeatureListQuery }) {
  const tabs = [
    { href: featuresPath(instanceId), label: "All", current: query.kind === undefined },
    ...allFeatureKinds.map((kind) => ({
      href: `${featuresPath(instanceId)}?kind=${featureKindSlugs[kind]}`,
      label: featureKindPluralLabels[kind],
      current: query.kind === kind,
    })),
  ];
  return (
    <nav
      aria-label="Feature kinds"
      className="flex flex-wrap gap-x-1 border-b border-neutral-200 px-4 pt-2"
    >
      {tabs.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.current ? "page" : undefined}
          className="status-tab"
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
