import { describe, expect, it } from 'vitest';
import { editDistance, TypoDictionary } from '../../src/search/typoDictionary.js';

/** Levenshtein distance by the textbook table, with no cut-off: the reference. */
function levenshtein(left: string, right: string): number {
	const table = Array.from({ length: left.length + 1 }, (_, row) =>
		Array.from({ length: right.length + 1 }, (_, column) => (row === 0 ? column : column === 0 ? row : 0)),
	);
	for (let row = 1; row <= left.length; row += 1) {
		for (let column = 1; column <= right.length; column += 1) {
			const cost = left[row - 1] === right[column - 1] ? 0 : 1;
			const above = table[row - 1] ?? [];
			const current = table[row] ?? [];
			current[column] = Math.min(
				(above[column] ?? 0) + 1,
				(current[column - 1] ?? 0) + 1,
				(above[column - 1] ?? 0) + cost,
			);
		}
	}
	return table[left.length]?.[right.length] ?? Number.NaN;
}

const VOCABULARY = [
	'dynamodb',
	'dynamo',
	'stream',
	'streams',
	'strem',
	'secret',
	'secrets',
	'manager',
	'manage',
	'glacier',
	'retrieval',
	'ephemeral',
	'instance',
	'instances',
	'elasticache',
	'lambda',
	'lamb',
	'aab',
	'ab',
	'route53',
	'cloudfront',
	'origin',
	'access',
	'identity',
	'replica',
	'replicas',
	's3',
	'ec2',
	'gateway',
	'gate',
];

describe('TypoDictionary', () => {
	const dictionary = new TypoDictionary(VOCABULARY, 2);

	it('finds exactly the terms a brute-force edit distance finds, for one and two edits', () => {
		const words = [
			'dynamdb',
			'strems',
			'secert',
			'manger',
			'glaicer',
			'retrival',
			'ephemral',
			'instnace',
			'elasticahce',
			'lamda',
			'aba',
			'route35',
			'cloudfrnt',
			'replcas',
			'gatewai',
			'xyzzy',
			's4',
		];
		for (const word of words) {
			for (const edits of [1, 2]) {
				const expected = new Map(
					VOCABULARY.filter((term) => levenshtein(word, term) <= edits).map((term) => [term, levenshtein(word, term)]),
				);
				expect(dictionary.within(word, edits), `${word} within ${edits}`).toEqual(expected);
			}
		}
	});

	it('counts a swap of two letters as two edits, as MiniSearch does', () => {
		expect(dictionary.within('lmabda', 1).has('lambda')).toBe(false);
		expect(dictionary.within('lmabda', 2).get('lambda')).toBe(2);
	});

	it('never allows more edits than it was built for', () => {
		const oneEdit = new TypoDictionary(['gateway'], 1);
		expect(oneEdit.within('gatwy', 2).size).toBe(0);
		expect(oneEdit.within('gatway', 2).get('gateway')).toBe(1);
	});
});

describe('editDistance', () => {
	it('is the Levenshtein distance, or limit + 1 once it must exceed the limit', () => {
		expect(editDistance('kitten', 'sitting', 3)).toBe(3);
		expect(editDistance('kitten', 'sitting', 2)).toBe(3);
		expect(editDistance('', 'abc', 5)).toBe(3);
		expect(editDistance('same', 'same', 0)).toBe(0);
	});
});
