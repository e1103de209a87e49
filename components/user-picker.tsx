"use client";

import {
  type KeyboardEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from "react";
import { ColorDot } from "./color-dot";
import { cx } from "./cx";
import { Field, inputClasses } from "./field";

/** One suggestion as GET /api/users/suggestions answers it. */
export type PickerUser = {
  id: string;
  userName: string;
  firstName: string;
  lastName: string;
  email: string;
  color: string;
  active: boolean;
};

type Suggestions = { users: PickerUser[]; more: boolean };

export type UserPickerProps = {
  label: string;
  /** The text field's name: the form posts what was typed or the chosen user name. */
  name: string;
  id?: string;
  defaultValue?: string;
  placeholder?: string;
  help?: ReactNode;
  error?: string;
  className?: string;
  /**
   * Whether to suggest users as people type (the viewer may view users). Without it, or
   * without scripts, this is a plain text field and the server resolves what was typed.
   */
  suggest?: boolean;
  /** Users listed but not choosable, with the reason shown beside them ("Already a member"). */
  unavailable?: Record<string, string>;
  /** GET ?q= answering { users, more }. */
  source?: string;
};

type Placement = { left: number; width: number; top?: number; bottom?: number; maxHeight: number };

/**
 * Where the list goes: under the field, or above it when the window has little room below.
 * Fixed, so a pane's overflow (which keeps its rounded corners) cannot cut the list off.
 */
function placeUnder(field: HTMLElement): Placement {
  const box = field.getBoundingClientRect();
  const gap = 4;
  const below = window.innerHeight - box.bottom - gap * 2;
  const above = box.top - gap * 2;
  const width = Math.max(box.width, 288);
  const left = Math.max(gap, Math.min(box.left, window.innerWidth - width - gap));
  if (below < 200 && above > below) {
    return { left, width, bottom: window.innerHeight - box.top + gap, maxHeight: above };
  }
  return { left, width, top: box.bottom + gap, maxHeight: Math.max(below, 120) };
}

// Long enough to skip the keystrokes of a word typed at speed, short enough to feel instant.
const debounceMs = 200;

function fullName(user: PickerUser): string {
  return `${user.firstName} ${user.lastName}`.trim();
}

/**
 * A text field that suggests the account's users as people type: the ARIA 1.2 combobox
 * pattern (the field keeps focus; arrow keys move through the list, Enter chooses, Escape
 * closes). Choosing puts the user name in the field, which the server resolves exactly.
 */
export function UserPicker({
  label,
  name,
  id = name,
  defaultValue = "",
  placeholder,
  help,
  error,
  className,
  suggest = true,
  unavailable = {},
  source = "/api/users/suggestions",
}: UserPickerProps) {
  const listboxId = useId();
  const [hydrated, setHydrated] = useState(false);
  const [value, setValue] = useState(defaultValue);
  const [open, setOpen] = useState(false);
  const [results, setResults] = useState<Suggestions & { q: string }>();
  const [active, setActive] = useState(-1);
  const [loading, setLoading] = useState(false);
  // Off after a 401/403: the session ended or the permission was taken away meanwhile.
  const [available, setAvailable] = useState(true);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const request = useRef<AbortController | undefined>(undefined);
  // Text nobody typed just now (the page's own value, or a choice just made): suggesting
  // for it would open the list unasked. Typing searches, and so does ArrowDown.
  const settled = useRef<string | undefined>(defaultValue);

  useEffect(() => setHydrated(true), []);
  const enhanced = hydrated && suggest && available;

  const search = useCallback(
    async (q: string) => {
      request.current?.abort();
      const controller = new AbortController();
      request.current = controller;
      setLoading(true);
      try {
        const response = await fetch(`${source}?${new URLSearchParams({ q })}`, {
          headers: { accept: "application/json" },
          signal: controller.signal,
        });
        if (response.status === 401 || response.status === 403) {
          setAvailable(false);
          setOpen(false);
          return;
        }
        if (!response.ok) return;
        const answer = (await response.json()) as Suggestions;
        if (controller.signal.aborted) return;
        setResults({ ...answer, q });
        setActive(-1);
        // An answer that arrives after the person left the field stays closed.
        setOpen(document.activeElement === inputRef.current);
      } catch {
        // Aborted by a newer keystroke (which searches for itself), or the network failed:
        // either way the field still takes typed text, which the server resolves.
      } finally {
        if (request.current === controller) setLoading(false);
      }
    },
    [source],
  );

  const term = value.trim();
  useEffect(() => {
    if (!enhanced || term === "" || settled.current === value) return;
    const timer = setTimeout(() => void search(term), debounceMs);
    return () => clearTimeout(timer);
  }, [enhanced, search, term, value]);

  useEffect(() => () => request.current?.abort(), []);

  const options = term === "" ? [] : (results?.users ?? []);
  const expanded = enhanced && open && term !== "" && results !== undefined;
  const choosable = (index: number) => {
    const option = options[index];
    return option !== undefined && unavailable[option.id] === undefined;
  };
  const optionId = (index: number) => `${listboxId}-option-${index}`;

  const [placement, setPlacement] = useState<Placement>();
  useLayoutEffect(() => {
    const field = inputRef.current;
    if (!expanded || !field) return;
    const place = () => setPlacement(placeUnder(field));
    place();
    // Capture: a scrolling pane or table moves the field as much as the window does.
    window.addEventListener("scroll", place, true);
    window.addEventListener("resize", place);
    return () => {
      window.removeEventListener("scroll", place, true);
      window.removeEventListener("resize", place);
    };
  }, [expanded]);

  // The active option stays in view as the arrow keys move through a scrolled list.
  useEffect(() => {
    if (active < 0) return;
    listRef.current?.children[active]?.scrollIntoView({ block: "nearest" });
  }, [active]);

  const choose = useCallback((user: PickerUser) => {
    settled.current = user.userName;
    setValue(user.userName);
    setOpen(false);
    setActive(-1);
  }, []);

  /** The next choosable option from `from` in `step` direction, wrapping around. */
  function nextChoosable(from: number, step: 1 | -1): number {
    for (let moved = 1; moved <= options.length; moved++) {
      const index = (from + step * moved + options.length * 2) % options.length;
      if (choosable(index)) return index;
    }
    return -1;
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (!enhanced) return;
    switch (event.key) {
      case "ArrowDown":
      case "ArrowUp": {
        if (options.length === 0) {
          if (term === "" || loading) return;
          event.preventDefault();
          void search(term);
          return;
        }
        event.preventDefault();
        if (!open) setOpen(true);
        // Alt+Down only opens the list, as with a native select.
        if (event.altKey) return;
        const down = event.key === "ArrowDown";
        const start = active >= 0 && open ? active : down ? -1 : options.length;
        setActive(nextChoosable(start, down ? 1 : -1));
        return;
      }
      case "Enter": {
        const option = options[active];
        // With no active option, Enter submits the form with what was typed.
        if (!expanded || !option || !choosable(active)) return;
        event.preventDefault();
        choose(option);
        return;
      }
      case "Escape":
        if (expanded) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        }
        return;
      default:
    }
  }

  const count = options.length;
  const announcement = !expanded
    ? ""
    : count === 0
      ? `No user matches ${results?.q}.`
      : `${count}${results?.more ? " or more" : ""} user${count === 1 ? "" : "s"} found. Use the arrow keys to choose.`;

  return (
    <Field label={label} name={name} id={id} error={error} help={help} className={className}>
      {(control) => (
        <div className="relative">
          <input
            {...control}
            ref={inputRef}
            name={name}
            type="text"
            value={value}
            placeholder={placeholder}
            autoComplete="off"
            spellCheck={false}
            className={inputClasses}
            onChange={(event) => {
              settled.current = undefined;
              // Whatever was asked for before this keystroke is out of date.
              request.current?.abort();
              setValue(event.target.value);
              if (event.target.value.trim() === "") setOpen(false);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => {
              setOpen(false);
              setActive(-1);
            }}
            {...(enhanced
              ? {
                  role: "combobox",
                  "aria-autocomplete": "list" as const,
                  "aria-expanded": expanded,
                  "aria-controls": listboxId,
                  "aria-activedescendant": expanded && active >= 0 ? optionId(active) : undefined,
                  "aria-busy": loading || undefined,
                }
              : {})}
          />
          {/* Only while open: a closed combobox may point at a list that is not there (ARIA
              1.2), and a hidden list would answer to the field's label in searches by label. */}
          {expanded ? (
            <div
              hidden={!placement}
              style={
                placement
                  ? {
                      left: placement.left,
                      width: placement.width,
                      top: placement.top,
                      bottom: placement.bottom,
                      maxHeight: Math.min(placement.maxHeight, 320),
                    }
                  : undefined
              }
              className="fixed z-50 flex flex-col overflow-hidden rounded-md border border-neutral-300 bg-white shadow-lg"
            >
              <div
                ref={listRef}
                id={listboxId}
                role="listbox"
                aria-label="Matching users"
                className="min-h-0 flex-1 overflow-y-auto py-1"
              >
                {options.map((user, index) => {
                  const reason = unavailable[user.id];
                  const isActive = index === active;
                  return (
                    // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox field handles the keys (aria-activedescendant); options never take focus.
                    <div
                      key={user.id}
                      id={optionId(index)}
                      role="option"
                      tabIndex={-1}
                      aria-selected={isActive}
                      aria-disabled={reason ? true : undefined}
                      // Keeps the focus in the field, where the keyboard works.
                      onMouseDown={(event) => event.preventDefault()}
                      onClick={() => (reason ? undefined : choose(user))}
                      className={cx(
                        "flex cursor-pointer items-center gap-2 px-3 py-1.5 text-sm",
                        isActive ? "bg-accent-50 text-accent-900" : "hover:bg-neutral-50",
                        reason && "cursor-not-allowed text-neutral-500",
                      )}
                    >
                      <ColorDot color={user.color || undefined} />
                      <span className="min-w-0 flex-1">
                        <span className="flex flex-wrap items-baseline gap-x-2">
                          <span className="font-medium">{user.userName}</span>
                          <span className="text-neutral-700">{fullName(user)}</span>
                        </span>
                        <span className="block truncate text-xs text-neutral-600">
                          {user.email}
                        </span>
                      </span>
                      {user.active ? null : (
                        <span className="rounded bg-neutral-200 px-1.5 text-xs text-neutral-700">
                          Inactive
                        </span>
                      )}
                      {reason ? <span className="text-xs text-neutral-600">{reason}</span> : null}
                    </div>
                  );
                })}
              </div>
              {count === 0 || results?.more ? (
                <p className="border-t border-neutral-100 px-3 py-1.5 text-xs text-neutral-600">
                  {count === 0
                    ? "No user matches. Try part of a name, a user name or an email."
                    : "More users match: type more of the name to narrow the list."}
                </p>
              ) : null}
            </div>
          ) : null}
          <p aria-live="polite" className="sr-only">
            {announcement}
          </p>
        </div>
      )}
    </Field>
  );
}
