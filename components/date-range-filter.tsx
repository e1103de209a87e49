import { Button, ButtonLink } from "./button";
import { TextInput } from "./field";

/** From and To days of a filter form (GET), with the one check a pair of dates needs. */
export function DateRangeFields({ from, to }: { from?: string; to?: string }) {
  return (
    <>
      <TextInput label="From" name="from" type="date" defaultValue={from} />
      <TextInput
        label="To"
        name="to"
        type="date"
        defaultValue={to}
        error={from && to && to < from ? "The To date is before the From date." : undefined}
      />
    </>
  );
}

/** Apply, and Clear (back to `clearHref`) once something is filtered. */
export function FilterButtons({ filtered, clearHref }: { filtered: boolean; clearHref: string }) {
  return (
    <div className="flex gap-2 sm:pt-6">
      <Button type="submit" variant="secondary">
        Apply
      </Button>
      {filtered ? (
        <ButtonLink href={clearHref} variant="ghost">
          Clear
        </ButtonLink>
      ) : null}
    </div>
  );
}
