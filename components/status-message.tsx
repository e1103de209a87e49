import Link from "next/link";
import type { ReactNode } from "react";

/**
 * The body of the 403 and 404 pages. Inside the portal it sits in the app shell's
 * <main>; on its own (outside the portal) it is the page's <main>.
 */
function StatusMessage({
  code,
  title,
  children,
  standalone,
}: {
  code: number;
  title: string;
  children: ReactNode;
  standalone: boolean;
}) {
  const Container = standalone ? "main" : "div";
  return (
    <Container
      id={standalone ? "main" : undefined}
      className="mx-auto max-w-lg px-4 py-24 text-center"
    >
      <p className="text-sm font-semibold text-accent-700">{code}</p>
      <h1 className="mt-2 text-2xl font-semibold">{title}</h1>
      <p className="mt-2 text-neutral-700">{children}</p>
      <Link href="/" className="mt-6 inline-block font-medium text-accent-700 underline">
        Go to your start page
      </Link>
    </Container>
  );
}

export function NotFoundMessage({ standalone }: { standalone: boolean }) {
  return (
    <StatusMessage code={404} title="Page not found" standalone={standalone}>
      This page does not exist, or it is no longer here.
    </StatusMessage>
  );
}

export function ForbiddenMessage({ standalone }: { standalone: boolean }) {
  return (
    <StatusMessage code={403} title="Not allowed" standalone={standalone}>
      You are not allowed to open this page or do this. Ask an Administrator if you need access.
    </StatusMessage>
  );
}
