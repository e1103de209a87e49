// Headers for every response, route handlers and static files included. The pages' own
// Content-Security-Policy carries a per-request nonce, so proxy.ts sets that one.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  {
    key: "Permissions-Policy",
    value:
      "accelerometer=(), browsing-topics=(), camera=(), display-capture=(), geolocation=(), " +
      "gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), serial=(), usb=()",
  },
  // For browsers that predate CSP's frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
];

// server.ts drops X-Forwarded-Proto unless TRUST_PROXY, so only a trusted proxy's "https"
// reaches this check; proxy.ts covers TLS that ends at this server.
const strictTransportSecurity = {
  key: "Strict-Transport-Security",
  value: "max-age=63072000; includeSubDomains",
};

// Route handlers answer JSON or redirects: nothing in them may load or run anything.
const apiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
// Except the HTML that the no-script sign-in (a blocked-address page) and Auth.js pages
// send: inline styles, still no scripts.
const apiHtmlPolicy =
  "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads WASM and data files from node_modules at run time; argon2 is native.
  serverExternalPackages: ["@electric-sql/pglite", "argon2"],
  poweredByHeader: false,
  // Browser tests build into their own folder so they never clobber a developer's build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `npm run typecheck` (part of `npm test`) type-checks the whole project once;
  // the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  // forbidden() renders app/forbidden.tsx with HTTP 403.
  experimental: { authInterrupts: true },
  // A later rule wins when two set the same header.
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https(?:\\s*,.*)?" }],
        headers: [strictTransportSecurity],
      },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: apiPolicy }] },
      {
        source: "/api/(sign-in|auth/.*)",
        headers: [{ key: "Content-Security-Policy", value: apiHtmlPolicy }],
      },
    ];
  },
};

export default nextConfig;
