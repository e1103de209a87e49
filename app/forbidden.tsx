import Link from "next/link";

export default function Forbidden() {
  return (
    <main id="main" className="mx-auto max-w-lg px-4 py-24 text-center">
      <p className="text-sm font-semibold text-accent-700">403</p>
      <h1 className="mt-2 text-2xl font-semibold">Not allowed</h1>
      <p className="mt-2 text-neutral-700">
        You are not allowed to open this page or do this. Ask an Administrator if you need access.
      </p>
      <Link href="/" className="mt-6 inline-block font-medium text-accent-700 underline">
        Go to your start page
      </Link>
    </main>
  );
}
