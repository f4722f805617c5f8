// Dates, numbers and money for display, formatted by Intl in the UI's language and the user's
// time zone (the browser's until they choose one; the wire carries UTC).
let displayZone: string|undefined;

// The IANA zone instants are shown and entered in; null or an unknown id means the browser's.
export function setDisplayTimeZone(zone: string|null|undefined): void {
  displayZone = zone && isTimeZone(zone) ? zone : undefined;
}

export function displayTimeZone(): string {
  return displayZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', {timeZone: zone});
    return true;
  } catch {
    return false;
  }
}

export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl
      .DateTimeFormat(locale, {dateStyle: 'medium', timeStyle: 'short', timeZone: displayZone})
      .format(date);
}

// A calendar date (YYYY-MM-DD) has no time zone: format it as that day, not as UTC midnight.
export function formatDate(ymd: string | null | undefined, locale: string): string {
  if (!ymd) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!match) return ymd;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

export function formatNumber(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined) return '';
  return new Intl.NumberFormat(locale).format(value);
}

// How many minor units a currency has (2 for THB, 0 for JPY), as Intl knows it.
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

export function formatMoney(amountMinor: number, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  const amount = amountMinor / 10 ** digits;
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch {
    return `${formatNumber(amount, locale)} ${currency}`;
  }
}

// The wall time (YYYY-MM-DDTHH:mm) of an instant in the display zone.
function wallTime(date: Date): string {
  const parts = new Intl
                    .DateTimeFormat('en-CA', {
                      timeZone: displayZone,
                      hourCycle: 'h23',
                      year: 'numeric',
                      month: '2-digit',
                      day: '2-digit',
                      hour: '2-digit',
                      minute: '2-digit',
                    })
                    .formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

// The value of an <input type="datetime-local"> (wall time in the display zone) for a UTC
// instant, and back.
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return wallTime(date);
}

export function fromLocalInput(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!match) return null;
  const [y, mo, d, h, mi] = match.slice(1).map(Number) as [number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // The zone's offset at the guess, corrected once more for a guess on the other side of a
  // daylight-saving change.
  let instant = wall;
  for (let i = 0; i < 2; i += 1) {
    const shown = wallTime(new Date(instant));
    const [sy, smo, sd, sh, smi] =
        shown.match(/\d+/g)!.map(Number) as [number, number, number, number, number];
    instant += wall - Date.UTC(sy, smo - 1, sd, sh, smi);
  }
  return new Date(instant).toISOString();
}
