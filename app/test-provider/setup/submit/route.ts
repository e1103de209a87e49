// POST /test-provider/setup/submit: the embedded test provider's card form, posted by anyone
// holding a setup link (its signed session names the account). Answers 303: back to the portal
// with the saved card's reference, or back to the form with each field's problem.
import { readLimitedBody } from "@/lib/http/read-limited-body";
import { submitCardSetup } from "@/lib/payments/providers/test-provider-setup";

export const dynamic = "force-dynamic";

const maxBodyBytes = 16 * 1024;

export async function POST(request: Request): Promise<Response> {
  const read = await readLimitedBody(request, maxBodyBytes);
  if ("refusal" in read) return read.refusal;
  const contentType = request.headers.get("content-type") ?? "";
  // The form posts urlencoded; a script may post multipart. Either is read the same way.
  const form = await new Response(read.body, { headers: { "content-type": contentType } })
    .formData()
    .catch(() => new FormData());
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const { location } = submitCardSetup({
    session: text("session"),
    number: text("number"),
    expiry: text("expiry"),
    cvc: text("cvc"),
    name: text("name"),
  });
  return new Response(null, {
    status: 303,
    headers: { location, "cache-control": "no-store" },
  });
}
