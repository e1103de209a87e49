/** An RFC 9457 problem+json answer; route handlers answer every refusal this way. */
export function problem(
  status: number,
  title: string,
  detail: string,
  extensions: Record<string, unknown> = {},
): Response {
  return Response.json(
    { type: "about:blank", title, status, detail, ...extensions },
    {
      status,
      headers: { "content-type": "application/problem+json", "cache-control": "no-store" },
    },
  );
}
