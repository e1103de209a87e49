/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads WASM and data files from node_modules at run time; argon2 is native.
  serverExternalPackages: ["@electric-sql/pglite", "argon2"],
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with HTTP 403.
  experimental: { authInterrupts: true },
};

export default nextConfig;
