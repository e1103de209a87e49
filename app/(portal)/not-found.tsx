import { NotFoundMessage } from "@/components/status-message";

// Inside the portal the app shell provides <main>; elsewhere this page is its own.
export default function PortalNotFound() {
  return <NotFoundMessage standalone={false} />;
}
