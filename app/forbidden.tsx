import { ForbiddenMessage } from "@/components/status-message";

export default function Forbidden() {
  return <ForbiddenMessage standalone={true} />;
}
