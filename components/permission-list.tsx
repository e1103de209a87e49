import type { effectivePermissions } from "@/lib/auth/permissions";

type Modules = ReturnType<typeof effectivePermissions>;

/** Every module with each action's effective result and where it comes from. */
export function PermissionList({ modules }: { modules: Modules }) {
  return (
    <ul className="divide-y divide-neutral-100">
      {modules.map((module) => (
        <li key={module.key} className="px-4 py-3">
          <h3 className="text-sm font-semibold text-neutral-900">{module.label}</h3>
          <ul className="mt-1 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
            {module.actions.map((entry) => (
              <li key={entry.action} className="flex items-center justify-between gap-2">
                <span className="capitalize text-neutral-800">
                  {entry.action.replace("_", " ")}
                </span>
                <span className={entry.allowed ? "text-emerald-800" : "text-neutral-600"}>
                  {entry.allowed ? "Allowed" : "Not allowed"}
                  <span className="text-neutral-600"> · {entry.source}</span>
                </span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
