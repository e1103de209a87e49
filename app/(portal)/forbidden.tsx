import { ForbiddenMessage } from "@/components/status-message";

// Inside the portal the app shell provides <main>; elsewhere this page is its own.
export default function PortalForbidden() {
  return <ForbiddenMessage standalone={false} />;
}
