import { describe, expect, it } from 'vitest';
import {
	addDays,
	closestTimeZones,
	dailyCronPattern,
	isValidTimeZone,
	localDate,
	nextOccurrence,
	parseLocalTime,
	zonedInstant,
} from '../../src/time/zonedTime.js';

describe('parseLocalTime', () => {
	it.each([
		['09:00', { hour: 9, minute: 0 }],
		['9:05', { hour: 9, minute: 5 }],
		['23:59', { hour: 23, minute: 59 }],
		[' 00:00 ', { hour: 0, minute: 0 }],
	])('reads %j', (text, time) => {
		expect(parseLocalTime(text)).toEqual(time);
	});

	it.each(['24:00', '9', '09:60', '9am', '09-00', '', '12:5'])('refuses %j', (text) => {
		expect(parseLocalTime(text)).toBeUndefined();
	});
});

describe('time zones', () => {
	it('knows IANA names and refuses others', () => {
		expect(isValidTimeZone('Europe/Berlin')).toBe(true);
		expect(isValidTimeZone('UTC')).toBe(true);
		expect(isValidTimeZone('Mars/Olympus')).toBe(false);
	});

	it('gives the local date of an instant in a zone', () => {
		expect(localDate(new Date('2026-03-10T23:30:00Z'), 'Europe/Berlin')).toBe('2026-03-11');
		expect(localDate(new Date('2026-03-10T23:30:00Z'), 'America/New_York')).toBe('2026-03-10');
		expect(localDate(new Date('2026-03-10T10:00:00Z'), 'Pacific/Kiritimati')).toBe('2026-03-11');
	});
});

describe('zonedInstant across daylight saving', () => {
	it('places 09:00 Berlin in winter and in summer time', () => {
		expect(zonedInstant('2026-03-28', { hour: 9, minute: 0 }, 'Europe/Berlin').toISOString()).toBe(
			'2026-03-28T08:00:00.000Z',
		);
		expect(zonedInstant('2026-03-30', { hour: 9, minute: 0 }, 'Europe/Berlin').toISOString()).toBe(
			'2026-03-30T07:00:00.000Z',
		);
	});

	it('moves a time skipped by the spring jump forward by the jump', () => {
		expect(zonedInstant('2026-03-29', { hour: 2, minute: 30 }, 'Europe/Berlin').toISOString()).toBe(
			'2026-03-29T01:30:00.000Z',
		);
	});

	it('takes the first of a time that happens twice in autumn', () => {
		expect(zonedInstant('2026-10-25', { hour: 2, minute: 30 }, 'Europe/Berlin').toISOString()).toBe(
			'2026-10-25T00:30:00.000Z',
		);
	});
});

describe('nextOccurrence', () => {
	it('is later today when the time has not come yet, else tomorrow', () => {
		const time = { hour: 9, minute: 0 };
		expect(nextOccurrence(new Date('2026-03-10T07:59:00Z'), time, 'Europe/Berlin').toISOString()).toBe(
			'2026-03-10T08:00:00.000Z',
		);
		expect(nextOccurrence(new Date('2026-03-10T08:00:00Z'), time, 'Europe/Berlin').toISOString()).toBe(
			'2026-03-11T08:00:00.000Z',
		);
	});

	it('follows the zone over the DST change', () => {
		expect(
			nextOccurrence(new Date('2026-03-28T12:00:00Z'), { hour: 9, minute: 0 }, 'Europe/Berlin').toISOString(),
		).toBe('2026-03-29T07:00:00.000Z');
	});
});

describe('helpers', () => {
	it('adds days across months and years', () => {
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
	});

	it('writes the daily cron pattern minute first', () => {
		expect(dailyCronPattern({ hour: 9, minute: 5 })).toBe('5 9 * * *');
	});
});

describe('closestTimeZones', () => {
	it('puts the zone a typo away first', () => {
		expect(closestTimeZones('Europe/Berlinn')[0]).toBe('Europe/Berlin');
		expect(closestTimeZones('america/new york')[0]).toBe('America/New_York');
		expect(closestTimeZones('Tokio')[0]).toBe('Asia/Tokyo');
	});

	it('suggests nothing for a letter or nothing', () => {
		expect(closestTimeZones('x')).toEqual([]);
		expect(closestTimeZones('  ')).toEqual([]);
	});
});
