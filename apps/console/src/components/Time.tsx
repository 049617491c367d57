/** A time as a person reads it: relative when recent ("3 minutes ago"), else the date in the browser's locale. */
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const exact = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
];

/** The words for a moment: "3 minutes ago", "in 2 hours", or past a week its date ("4 Dec 2026"). */
export function timeWords(at: Date, now = Date.now()): string {
  let amount = (at.getTime() - now) / 1000;
  for (const [unit, size] of units) {
    if (Math.abs(amount) < size) return relative.format(Math.round(amount), unit);
    amount /= size;
  }
  return date.format(at);
}

/** A time from the API (ISO 8601), in words, with the exact local time on hover and for machines. */
export function Time({ iso }: { iso: string | null | undefined }) {
  if (!iso) return <>—</>;
  const at = new Date(iso);
  return (
    <time dateTime={iso} title={exact.format(at)}>
      {timeWords(at)}
    </time>
  );
}
