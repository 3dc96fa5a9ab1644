import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH } from '../../src/search/query.js';
import { MAX_RESULTS } from '../../src/search/searchIndex.js';
import { RESULTS_PER_PAGE, searchPage } from '../../src/search/searchPage.js';
import { shippedNotes } from '../support/library.js';

describe('SearchIndex.search', () => {
	it('answers with one result per section, best first, each with its section id, title and breadcrumb', async () => {
		const { index } = await shippedNotes();
		const outcome = index.search('nat gateway');
		expect(outcome.status).toBe('found');
		if (outcome.status !== 'found') {
			return;
		}
		const ids = outcome.results.map((result) => result.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(outcome.results.length).toBeLessThanOrEqual(MAX_RESULTS);
		const [first] = outcome.results;
		expect(first?.title).toMatch(/NAT/u);
		expect(first?.breadcrumb.at(-1)).toBe(first?.title);
		expect(index.getSection(first?.id ?? '')?.passages[first?.passageIndex ?? -1]?.text).toBe(first?.text);
		const scores = outcome.results.map((result) => result.score);
		expect(scores).toEqual([...scores].sort((left, right) => right - left));
	});

	it('marks the matched words in the snippet, synonyms included', async () => {
		const { index } = await shippedNotes();
		const outcome = index.search('ALB');
		if (outcome.status !== 'found') {
			throw new Error(`expected results, got ${outcome.status}`);
		}
		const marked = outcome.results.flatMap((result) =>
			index.snippet(result).flatMap((line) => line.filter((segment) => segment.matched).map((segment) => segment.text)),
		);
		expect(marked).toContain('ALB');
		expect(marked.some((text) => /^application load balancers?$/iu.test(text))).toBe(true);
		for (const result of outcome.results) {
			const snippet = index.snippet(result);
			expect(snippet.length).toBeGreaterThan(0);
			expect(snippet.length).toBeLessThanOrEqual(3);
		}
	});

	it.each([
		['', /empty/u],
		['   \t  ', /empty/u],
		['\u200b\u200d\u2060', /empty/u],
		['?!?!...', /no words or numbers/u],
		['.*+?^${}()|[]\\', /no words or numbers/u],
		['🙂🚀', /no words or numbers/u],
		['x'.repeat(MAX_QUERY_LENGTH + 1), /characters long/u],
	])('refuses %j with a clear message', async (query, message) => {
		const { index } = await shippedNotes();
		const outcome = index.search(query);
		expect(outcome.status).toBe('invalid');
		expect(outcome.status === 'invalid' && outcome.problem).toMatch(message);
	});

	it.each(['s3.*bucket(s)?$', 'ALB (layer 7) [http]', 's3 ** bucket', '@everyone vpc <@123456789012345678>'])(
		'searches %j without crashing',
		async (query) => {
			const { index } = await shippedNotes();
			expect(['found', 'none']).toContain(index.search(query).status);
		},
	);

	it('finds the section for a 300+ character scenario question', async () => {
		const { index } = await shippedNotes();
		const question =
			'A company is designing a new application that stores objects in Amazon S3. Compliance rules say that the ' +
			'objects must be encrypted at rest, that the company must control and audit the use of the encryption keys, ' +
			'and that key usage must be logged in AWS CloudTrail. Which type of server-side encryption should a ' +
			'solutions architect recommend to meet these requirements with the least operational overhead?';
		expect(question.length).toBeGreaterThan(300);
		const outcome = index.search(question);
		const top = outcome.status === 'found' ? outcome.results.slice(0, 3).map((result) => result.id) : [];
		expect(top.some((id) => /encryption|kms/u.test(id))).toBe(true);
	});

	it('suggests the closest titles when nothing matches', async () => {
		const { index } = await shippedNotes();
		expect(index.search('zzqx').status).toBe('none');
		const outcome = index.search('zzqx cloudfrnt');
		expect(outcome.status).toBe('found');
		const none = index.search('qqqqq wwwww');
		expect(none.status).toBe('none');
		expect(
			index
				.closestTitles('Kinesys Firehos')
				.map((section) => section.title)
				.join(' '),
		).toMatch(/Firehose/iu);
	});
});

describe('searchPage', () => {
	it('pages through the results and clamps the page into range', async () => {
		const { index } = await shippedNotes();
		const first = searchPage(index, 's3');
		const last = searchPage(index, 's3', 99);
		if (first.status !== 'found' || last.status !== 'found') {
			throw new Error('expected results for s3');
		}
		expect(first.results).toHaveLength(RESULTS_PER_PAGE);
		expect(first.results.map((result) => result.rank)).toEqual([1, 2, 3, 4, 5]);
		// Every section that matches is counted; the best 25 can be paged through.
		expect(first.total).toBeGreaterThan(25);
		expect(first.pageCount).toBe(Math.ceil(25 / RESULTS_PER_PAGE));
		expect(last.page).toBe(first.pageCount - 1);
		expect(last.results[0]?.rank).toBe(last.page * RESULTS_PER_PAGE + 1);
		expect(searchPage(index, 's3', -4).status === 'found' && searchPage(index, 's3', -4)).toMatchObject({ page: 0 });
		expect(
			(first.results[0]?.snippet ?? [])
				.flat()
				.map((segment) => segment.text)
				.join(''),
		).toMatch(/s3/iu);
	});
});
