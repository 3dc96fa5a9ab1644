import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Analyser } from '../../src/search/analyser.js';
import { CueTable, loadExamCues, parseExamCues } from '../../src/search/examCues.js';
import { loadSynonyms } from '../../src/search/synonyms.js';
import { CONTENT_DIR } from '../support/library.js';

const analyser = new Analyser([
	{ term: 'ALB', forms: ['application load balancer'] },
	{ term: 'S3', forms: ['simple storage service'] },
]);

const table = (cues: unknown): string => JSON.stringify({ cues });

describe('parseExamCues', () => {
	const parse = (json: string) => parseExamCues('cues.json', json, analyser);

	it('reads a valid table', () => {
		expect(parse(table([{ when: ['upload browser without credentials'], add: 'S3 presigned URL' }]))).toEqual([
			{ when: ['upload browser without credentials'], add: 'S3 presigned URL' },
		]);
	});

	it.each([
		['{ not json', /cues\.json: is not valid JSON/u],
		[table([]), /cues\.json: cues: /u],
		[table([{ when: [], add: 'AWS WAF' }]), /cues\.0\.when: needs at least one phrase/u],
		[table([{ when: ['sql injection'], add: '' }]), /cues\.0\.add: add must not be empty/u],
		[table([{ when: ['sql injection'], add: 'one two three four five six' }]), /add names at most 5 words/u],
		[table([{ when: ['sql injection'], add: 'the of' }]), /cues\.0\.add: "the of" has no searchable word/u],
		[
			table([{ when: ['injection'], add: 'AWS WAF' }]),
			/cues\.0\.when\.0: "injection" has 1 content words \(inject\); a phrase needs 2 to 4/u,
		],
		[
			table([{ when: ['block sql injection attempts before targets'], add: 'AWS WAF' }]),
			/has 5 content words \(block, sql, inject, attempt, target\)/u,
		],
		[
			table([
				{ when: ['sql injection'], add: 'AWS WAF' },
				{ when: ['injections of SQL'], add: 'AWS Shield' },
			]),
			/cues\.1\.when\.0: "injections of SQL" reads the same as cues\.0\.when\.0 \("sql injection"\)/u,
		],
	])('refuses %s with a message that names the place', (json, message) => {
		expect(() => parse(json)).toThrow(message);
	});

	it('counts a service name written out as one concept, so it cannot pad a phrase', () => {
		expect(() => parse(table([{ when: ['application load balancer'], add: 'AWS WAF' }]))).toThrow(
			/has 1 content words/u,
		);
	});

	it('loads the shipped table', async () => {
		const shipped = new Analyser(await loadSynonyms(path.join(CONTENT_DIR, 'synonyms.json')));
		const cues = await loadExamCues(path.join(CONTENT_DIR, 'exam-cues.json'), shipped);
		expect(cues.length).toBeGreaterThanOrEqual(150);
	});
});

describe('CueTable.termsFor', () => {
	const cues = new CueTable(
		[
			{ when: ['upload browser without credentials', 'upload without aws keys'], add: 'S3 presigned URL' },
			{ when: ['sql injection'], add: 'AWS WAF' },
			{ when: ['application load balancer sticky'], add: 'sticky sessions' },
		],
		analyser,
	);
	const fired = (query: string) => cues.termsFor(analyser.queryTerms(query));

	it('fires when every word of one phrase is in the query, in any order and form', () => {
		expect(fired('users must upload files from the browser straight into our bucket without credentials')).toEqual(
			analyser.queryTerms('S3 presigned URL'),
		);
		expect(fired('block SQL injection attempts')).toEqual(analyser.queryTerms('AWS WAF'));
		expect(fired('the injection of sql')).toEqual(analyser.queryTerms('AWS WAF'));
	});

	it('matches a service written either way', () => {
		expect(fired('sticky users on the ALB')).toEqual(analyser.queryTerms('sticky sessions'));
		expect(fired('sticky users on an application load balancer')).toEqual(analyser.queryTerms('sticky sessions'));
	});

	it('stays quiet when a word of every phrase is missing', () => {
		expect(fired('upload files from the browser')).toEqual([]);
		expect(fired('injection molding')).toEqual([]);
	});

	it('adds each term once when several cues fire', () => {
		const terms = fired('upload without aws keys and stop sql injection');
		expect(terms).toEqual([...new Set(terms)]);
		expect(terms).toEqual(
			expect.arrayContaining([...analyser.queryTerms('S3 presigned URL'), ...analyser.queryTerms('AWS WAF')]),
		);
	});
});
