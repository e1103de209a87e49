import Link from "next/link";
import { buttonClasses } from "@/components/button";
import { allFeatureKinds, featureKindLabels, featureKindSlugs } from "@/lib/features/kinds";
import { featuresPath } from "./list-query";

/** "Add New" with a choice of kind: a native <details>, so it opens without JavaScript. */
export function AddFeatureMenu({ instanceId }: { instanceId: string }) {
  return (
    <details className="group relative mb-3 ml-auto">
      <summary className={`${buttonClasses("primary", "sm")} list-none`}>
        Add New
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          fill="currentColor"
          className="size-4 transition-transform group-open:rotate-180"
        >
          <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4Z" />
        </svg>
      </summary>
      <ul className="absolute right-0 z-30 mt-1 w-52 rounded-md border border-neutral-200 bg-white p-1 shadow-lg">
        {allFeatureKinds.map((kind) => (
          <li key={kind}>
            <Link
              href={`${featuresPath(instanceId)}/new?kind=${featureKindSlugs[kind]}`}
              className="block rounded px-3 py-1.5 text-sm text-neutral-800 hover:bg-neutral-100"
            >
              {featureKindLabels[kind]}
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}
