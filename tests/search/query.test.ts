import { describe, expect, it } from 'vitest';
import { checkQuery, cleanQuery, MAX_QUERY_LENGTH, queryFromMessage } from '../../src/search/query.js';

describe('cleanQuery', () => {
	it('drops zero-width and direction marks inside words', () => {
		expect(cleanQuery('v\u200bpc pee\u200dring\ufeff \u202egateway\u202c')).toBe('vpc peering gateway');
	});

	it('reads control characters, tabs and line breaks as spaces and folds them', () => {
		expect(cleanQuery('\u0000nat\u0007\tgateway\r\n\u2028route  table ')).toBe('nat gateway route table');
	});
});

describe('checkQuery', () => {
	it('gives the cleaned query back', () => {
		expect(checkQuery('  s3\u200b lifecycle ')).toEqual({ ok: true, query: 's3 lifecycle' });
	});

	it.each([
		['', /is empty/u],
		['\u200b\u0000', /is empty/u],
		['?!…', /no words or numbers/u],
		['x'.repeat(MAX_QUERY_LENGTH + 1), /is 1501 characters long; keep it under 1500/u],
	])('explains what is wrong with %j', (raw, problem) => {
		const checked = checkQuery(raw);
		expect(checked.ok).toBe(false);
		expect(checked.ok ? '' : checked.problem).toMatch(problem);
	});
});

describe('queryFromMessage', () => {
	it('cleans a message that fits as it is', () => {
		expect(queryFromMessage('Which service\nblocks **SQL injection**?\u200b')).toBe(
			'Which service blocks **SQL injection**?',
		);
	});

	it('cuts a message longer than a query at the last whole word that fits', () => {
		const words = Array.from({ length: 400 }, (_, position) => `word${String(position)}`);
		const query = queryFromMessage(words.join(' '));
		expect(query.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
		expect(query.length).toBeGreaterThan(MAX_QUERY_LENGTH - 10);
		expect(words.join(' ').startsWith(query)).toBe(true);
		expect(words).toContain(query.split(' ').at(-1));
		expect(checkQuery(query).ok).toBe(true);
	});

	it('cuts a message with no space in reach at the limit', () => {
		expect(queryFromMessage('x'.repeat(MAX_QUERY_LENGTH * 2))).toHaveLength(MAX_QUERY_LENGTH);
	});

	it('leaves nothing of a message with no text', () => {
		expect(queryFromMessage(' \u200b\n')).toBe('');
	});
});
