import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-lg px-4 py-24 text-center">
      <p className="text-sm font-semibold text-accent-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-neutral-700">This page does not exist, or it is no longer here.</p>
      <Link href="/" className="mt-6 inline-block font-medium text-accent-700 underline">
        Go to your start page
      </Link>
    </main>
  );
}
