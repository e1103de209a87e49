import type { Metadata } from "next";
import Link from "next/link";
import { Pane } from "@/components/pane";
import { requireActor } from "@/lib/auth/current-user";
import { pageRequires } from "@/lib/page-guard";
import { InstanceForm } from "../instance-form";
import { InstanceManager, loadInstanceManager, type SearchParams } from "../instance-manager";

export const metadata: Metadata = { title: "New instance" };

export default async function NewInstancePage({ searchParams }: { searchParams: SearchParams }) {
  // Checked before the list loads, so the "Not allowed" page can name Instances: Create.
  pageRequires(await requireActor(), "instances", "create");
  const loaded = await loadInstanceManager(searchParams);
  return (
    <InstanceManager
      loaded={loaded}
      selectedId=""
      detail={
        <Pane
          title="New Instance"
          actions={
            <Link href="/instances" className="text-sm text-accent-700 underline lg:hidden">
              Back to list
            </Link>
          }
        >
          <InstanceForm defaults={{ name: "", notes: "" }} cancelHref="/instances" />
        </Pane>
      }
    />
  );
}
