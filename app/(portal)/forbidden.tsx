import { recordedRefusal } from "@/lib/page-guard";
import { ForbiddenNotice } from "../forbidden";

// Inside the portal the app shell provides <main>; elsewhere this page is its own.
export default function PortalForbidden() {
  // Read at once: see lib/page-guard.ts for when the refusal is known by now.
  return <ForbiddenNotice refusal={recordedRefusal()} standalone={false} />;
}
