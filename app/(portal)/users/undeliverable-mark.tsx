/**
 * The warning beside an email address that the provider reported as bouncing or
 * complaining: the portal sends it nothing until it changes or the mark is cleared.
 */
export function UndeliverableMark() {
  return (
    <span
      className="mr-1 inline-flex align-[-2px] text-amber-600"
      title="Undeliverable: messages to this address bounced, so the portal sends it nothing"
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 16 16"
        className="size-3.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinejoin="round"
        strokeLinecap="round"
      >
        <path d="M8 1.75 15 14.25H1L8 1.75Z" fill="currentColor" fillOpacity="0.15" />
        <path d="M8 6.25v3.5M8 12v.01" />
      </svg>
      <span className="sr-only">undeliverable</span>
    </span>
  );
}
