// The Solar Hijri calendar through ICU (Node's Intl): its leap rule matches the official calendar in the
// present era, where the 2820-year arithmetic rule gets 1403/1404 wrong.
const TIME_ZONE = 'Asia/Tehran';

const persianNumeric = new Intl.DateTimeFormat('en-US-u-ca-persian-nu-latn', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});
const tehranOffset = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' });
const persianDisplay = new Intl.DateTimeFormat('fa-IR-u-ca-persian-nu-arabext', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'long',
  day: 'numeric',
});
const gregorianDisplay = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'short',
  day: 'numeric',
});

export interface JalaliDate {
  year: number;
  month: number;
  day: number;
}

function partsOf(format: Intl.DateTimeFormat, instant: Date): Record<string, string> {
  return Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
}

/** The Solar Hijri date of an instant, on the calendar in Tehran. */
export function jalaliParts(instant: Date): JalaliDate {
  const { year, month, day } = partsOf(persianNumeric, instant);
  return { year: Number(year), month: Number(month), day: Number(day) };
}

/** The Iranian year an instant belongs to, decided in Tehran time (the unit of the ministry's reports). */
export function iranianYearOf(instant: Date): number {
  return jalaliParts(instant).year;
}

/** Tehran's offset from UTC at an instant in milliseconds; it has changed over the years (+03:25:44 before 1946, DST until 2022). */
function tehranOffsetMs(instantMs: number): number {
  const name = partsOf(tehranOffset, new Date(instantMs)).timeZoneName ?? '';
  const match = /^GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(name);
  if (!match) throw new Error(`unexpected time-zone offset ${name}`);
  const [, sign, hours = '0', minutes = '0', seconds = '0'] = match;
  const ms = ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000;
  return sign === '-' ? -ms : ms;
}

/** The instant a Gregorian calendar day begins in Tehran. */
function tehranMidnight(year: number, month: number, day: number): Date {
  const wallClock = new Date(0);
  wallClock.setUTCFullYear(year, month - 1, day);
  const ms = wallClock.getTime();
  // The offset at the wall-clock time read as UTC can be the one across a change; a second look settles it.
  const firstGuess = ms - tehranOffsetMs(ms);
  return new Date(ms - tehranOffsetMs(firstGuess));
}

/** The instant 1 Farvardin of an Iranian year begins in Tehran: 00:00, or 01:00 when the clocks skipped midnight (1359). */
export function nowruz(year: number): Date {
  if (!Number.isInteger(year)) throw new RangeError(`not an Iranian year: ${year}`);
  // Nowruz falls on 20 or 21 March in this era; the wider window covers the drift of earlier centuries.
  for (let day = 18; day <= 24; day++) {
    const start = tehranMidnight(year + 621, 3, day);
    const date = jalaliParts(start);
    if (date.year === year && date.month === 1 && date.day === 1) return start;
  }
  throw new RangeError(`no 1 Farvardin found for the Iranian year ${year}`);
}

/** The last millisecond of an Iranian year, the one before the next Nowruz. */
export function endOfIranianYear(year: number): Date {
  return new Date(nowruz(year + 1).getTime() - 1);
}

/** A date as people read it: fa in the Solar Hijri calendar with Persian digits (۵ آذر ۱۴۰۵), en in the Gregorian (26 Nov 2026). */
export function formatDate(instant: Date, lang: 'fa' | 'en'): string {
  const { day, month, year } = partsOf(lang === 'fa' ? persianDisplay : gregorianDisplay, instant);
  return `${day} ${month} ${year}`;
}
