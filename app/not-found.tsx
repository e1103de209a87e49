import { NotFoundMessage } from "@/components/status-message";

export default function NotFound() {
  return <NotFoundMessage standalone={true} />;
}
