/** The no-script confirmation page of a user's deletion (the page's dialog replaces it). */
export function deleteHref(userId: string, returnTo: string): string {
  return `/users/${userId}/delete${returnTo}`;
}

const trashPath =
  "M8.75 1A2.75 2.75 0 0 0 6 3.75v.44c-.8.08-1.58.18-2.37.3a.75.75 0 1 0 .23 1.49l.15-.03.84 10.52A2.75 2.75 0 0 0 7.6 19h4.8a2.75 2.75 0 0 0 2.74-2.53l.84-10.52.15.03a.75.75 0 0 0 .23-1.49c-.79-.12-1.57-.22-2.37-.3v-.44A2.75 2.75 0 0 0 11.25 1h-2.5ZM10 4c.84 0 1.67.03 2.5.08v-.33c0-.69-.56-1.25-1.25-1.25h-2.5c-.69 0-1.25.56-1.25 1.25v.33C8.33 4.03 9.16 4 10 4ZM8.58 7.72a.75.75 0 0 0-1.5.06l.3 7.5a.75.75 0 1 0 1.5-.06l-.3-7.5Zm4.34.06a.75.75 0 1 0-1.5-.06l-.3 7.5a.75.75 0 1 0 1.5.06l.3-7.5Z";

/** The trash icon's shape, once per page; each row refers to it. */
export function TrashIconSymbol() {
  return (
    <svg aria-hidden="true" className="hidden">
      <symbol id="trash-icon" viewBox="0 0 20 20">
        <path fillRule="evenodd" clipRule="evenodd" fill="currentColor" d={trashPath} />
      </symbol>
    </svg>
  );
}

/** A row's trash icon (sized by the list's CSS). */
export function TrashIconUse() {
  return (
    <svg aria-hidden="true">
      <use href="#trash-icon" />
    </svg>
  );
}
