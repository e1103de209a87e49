import Link from "next/link";

/** Instances › the instance › Features: the way back to the instance. */
export function FeaturesBreadcrumb({ instance }: { instance: { id: string; name: string } }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-3 py-1.5 text-sm">
      <ol className="flex flex-wrap items-center gap-1.5 text-neutral-600">
        <li>
          <Link href="/instances" className="hover:text-accent-700 hover:underline">
            Instances
          </Link>
        </li>
        <li aria-hidden="true">/</li>
        <li>
          <Link
            href={`/instances/${instance.id}`}
            className="font-medium text-accent-700 hover:underline"
          >
            {instance.name}
          </Link>
        </li>
        <li aria-hidden="true">/</li>
        <li aria-current="page" className="font-medium text-neutral-900">
          Features
        </li>
      </ol>
    </nav>
  );
}
