import http from "node:http";

/** What a browser sends: the sizes measured "as sent" are what a browser would receive. */
export const browserEncodings = "gzip, deflate, br";

export type RawResponse = {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body as it came over the wire (compressed when the server compressed it). */
  body: Buffer;
};

/** One request with nothing added or decoded (fetch would add and undo compression). */
export function request(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      url,
      { method: options.method ?? "GET", headers: options.headers, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
        response.on("error", reject);
      },
    );
    outgoing.on("error", reject);
    outgoing.end(options.body);
  });
}

export const signInForm = (login: string, password: string) =>
  new URLSearchParams({ login, password }).toString();

/** The sign-in form's post, as the enhanced form sends it (same origin, JSON answer). */
export function signInHeaders(origin: string): Record<string, string> {
  return {
    origin,
    "content-type": "application/x-www-form-urlencoded",
    accept: "application/json",
  };
}

/** Signs in over HTTP and returns the Cookie header that carries the session. */
export async function signIn(origin: string, login: string, password: string): Promise<string> {
  const response = await request(`${origin}/api/sign-in`, {
    method: "POST",
    headers: signInHeaders(origin),
    body: signInForm(login, password),
  });
  const cookies = (response.headers["set-cookie"] ?? []).map((cookie) => cookie.split(";")[0]);
  const session = cookies.find((cookie) => cookie?.includes("authjs.session-token="));
  if (response.status !== 200 || !session) {
    throw new Error(
      `Signing in as ${login} answered ${response.status}: ${response.body.toString().slice(0, 300)}`,
    );
  }
  return cookies.join("; ");
}
