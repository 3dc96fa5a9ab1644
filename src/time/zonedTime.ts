/** Small, pure helpers for wall-clock time in an IANA time zone, on `Intl` alone. */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-CA', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
	try {
		formatterFor(timeZone);
		return true;
	} catch {
		return false;
	}
}

/** Every IANA zone the runtime knows, plus UTC. */
export function allTimeZones(): readonly string[] {
	return ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
}

/** Zones for what is being typed: those starting with it first, then those containing it. */
export function suggestTimeZones(typed: string, limit: number): string[] {
	const wanted = typed.trim().toLowerCase().replaceAll(' ', '_');
	const zones = allTimeZones();
	const starts = zones.filter((zone) => zone.toLowerCase().startsWith(wanted));
	const contains = zones.filter(
		(zone) => !zone.toLowerCase().startsWith(wanted) && zone.toLowerCase().includes(wanted),
	);
	return [...starts, ...contains].slice(0, limit);
}

/** Edits (insert, delete, replace) between two short strings. */
function editDistance(left: string, right: string): number {
	let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
	for (let i = 1; i <= left.length; i += 1) {
		const current = [i];
		for (let j = 1; j <= right.length; j += 1) {
			current[j] = Math.min(
				(previous[j] ?? 0) + 1,
				(current[j - 1] ?? 0) + 1,
				(previous[j - 1] ?? 0) + (left[i - 1] === right[j - 1] ? 0 : 1),
			);
		}
		previous = current;
	}
	return previous[right.length] ?? 0;
}

/**
 * Zones close to something that is not a zone, to suggest what was meant: the city part within
 * a few typos first (`Europe/Berlinn` → `Europe/Berlin`), then zones sharing a word with it.
 */
export function closestTimeZones(typed: string, limit = 5): string[] {
	const parts = typed
		.trim()
		.toLowerCase()
		.replaceAll(' ', '_')
		.split('/')
		.filter((part) => part.length > 0);
	const city = parts.at(-1) ?? '';
	if (city.length < 2) {
		return [];
	}
	const zones = allTimeZones();
	const near = zones
		.map((zone) => ({ zone, distance: editDistance((zone.split('/').at(-1) ?? zone).toLowerCase(), city) }))
		.filter((entry) => entry.distance <= Math.max(1, Math.floor(city.length / 3)))
		.sort((left, right) => left.distance - right.distance || left.zone.localeCompare(right.zone))
		.map((entry) => entry.zone);
	const words = parts.flatMap((part) => part.split('_')).filter((word) => word.length > 1);
	const sharing = zones.filter(
		(zone) => !near.includes(zone) && words.some((word) => zone.toLowerCase().includes(word)),
	);
	return [...near, ...sharing].slice(0, limit);
}

interface WallClock {
	readonly year: number;
	readonly month: number;
	readonly day: number;
	readonly hour: number;
	readonly minute: number;
	readonly second: number;
}

export function wallClock(instant: Date, timeZone: string): WallClock {
	const parts = Object.fromEntries(
		formatterFor(timeZone)
			.formatToParts(instant)
			.map((part) => [part.type, part.value]),
	);
	return {
		year: Number(parts.year),
		month: Number(parts.month),
		day: Number(parts.day),
		hour: Number(parts.hour),
		minute: Number(parts.minute),
		second: Number(parts.second),
	};
}

/** The zone's local date at an instant, `YYYY-MM-DD`. */
export function localDate(instant: Date, timeZone: string): string {
	const { year, month, day } = wallClock(instant, timeZone);
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Milliseconds the zone's wall clock is ahead of UTC at an instant. */
function offsetAt(instant: Date, timeZone: string): number {
	const clock = wallClock(instant, timeZone);
	const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
	return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

export interface LocalTime {
	readonly hour: number;
	readonly minute: number;
}

/** Parses `HH:MM` (24-hour clock), or says nothing when it is not a time. */
export function parseLocalTime(text: string): LocalTime | undefined {
	const match = /^([01]?\d|2[0-3]):([0-5]\d)$/u.exec(text.trim());
	return match ? { hour: Number(match[1]), minute: Number(match[2]) } : undefined;
}

export function formatLocalTime({ hour, minute }: LocalTime): string {
	return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/**
 * The instant at which the zone's clock shows `time` on `date`. A time shown twice (the
 * autumn change) is its first occurrence; a time skipped by the spring jump is moved forward
 * by the jump.
 */
export function zonedInstant(date: string, time: LocalTime, timeZone: string): Date {
	const [year, month, day] = date.split('-').map(Number) as [number, number, number];
	const wall = Date.UTC(year, month - 1, day, time.hour, time.minute);
	const candidates = [
		wall - offsetAt(new Date(wall - 86_400_000), timeZone),
		wall - offsetAt(new Date(wall + 86_400_000), timeZone),
	];
	const exact = candidates.filter((candidate) => {
		const clock = wallClock(new Date(candidate), timeZone);
		return clock.hour === time.hour && clock.minute === time.minute;
	});
	return new Date(exact.length > 0 ? Math.min(...exact) : Math.max(...candidates));
}

export function addDays(date: string, days: number): string {
	const [year, month, day] = date.split('-').map(Number) as [number, number, number];
	return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** The next instant, strictly after `now`, at which the zone's clock shows `time`. */
export function nextOccurrence(now: Date, time: LocalTime, timeZone: string): Date {
	const today = localDate(now, timeZone);
	for (let offset = 0; offset <= 2; offset += 1) {
		const candidate = zonedInstant(addDays(today, offset), time, timeZone);
		if (candidate.getTime() > now.getTime()) {
			return candidate;
		}
	}
	return zonedInstant(addDays(today, 3), time, timeZone);
}

/** The cron pattern (minute hour * * *) that fires daily at `time` in the scheduler's zone. */
export function dailyCronPattern({ hour, minute }: LocalTime): string {
	return `${minute} ${hour} * * *`;
}

/** The cron pattern that fires weekly at `time` on an ISO weekday (1 = Monday … 7 = Sunday). */
export function weeklyCronPattern({ hour, minute }: LocalTime, isoWeekday: number): string {
	return `${minute} ${hour} * * ${isoWeekday % 7}`;
}

/** A local time and zone typed by a member, read, or what is wrong with them. */
export type ZonedTimeInput =
	| { readonly status: 'ok'; readonly time: LocalTime; readonly timezone: string }
	| { readonly status: 'invalid-time'; readonly time: string }
	| { readonly status: 'invalid-time-zone'; readonly timezone: string; readonly suggestions: readonly string[] };

/** Reads `HH:MM` and an IANA zone; an unknown zone comes back with the closest names. */
export function readZonedTime(time: string, timezone: string): ZonedTimeInput {
	const parsed = parseLocalTime(time);
	if (!parsed) {
		return { status: 'invalid-time', time };
	}
	const zone = timezone.trim();
	if (!isValidTimeZone(zone)) {
		return { status: 'invalid-time-zone', timezone: zone, suggestions: closestTimeZones(zone) };
	}
	return { status: 'ok', time: parsed, timezone: zone };
}
