import type { Metadata } from "next";
import { EmptyState } from "@/components/data-table";
import { Pane } from "@/components/pane";
import { EmailManager, loadEmailManager, type SearchParams } from "./email-manager";

export const metadata: Metadata = { title: "Emails" };

export default async function EmailsPage({ searchParams }: { searchParams: SearchParams }) {
  const loaded = await loadEmailManager(searchParams);
  return (
    <EmailManager
      loaded={loaded}
      detail={
        <Pane title="Email Details">
          <EmptyState title="No message selected">
            Choose a message to see its status, why it waits or failed, and what it says.
          </EmptyState>
        </Pane>
      }
    />
  );
}
