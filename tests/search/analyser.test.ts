import { describe, expect, it } from 'vitest';
import { Analyser, stem } from '../../src/search/analyser.js';
import { parseSynonyms } from '../../src/search/synonyms.js';

const synonyms = parseSynonyms(
	'test.json',
	JSON.stringify({
		entries: [
			{ term: 'ALB', forms: ['application load balancer'] },
			{ term: 'SSE-KMS', forms: ['kms managed keys'] },
			{ term: 'S3 IA', forms: ['standard-ia', 'infrequent access'] },
		],
	}),
);
const analyser = new Analyser(synonyms);

describe('stem', () => {
	it('matches plural and verb forms', () => {
		expect(stem('replicas')).toBe(stem('replica'));
		expect(stem('encrypting')).toBe(stem('encrypted'));
		expect(stem('policies')).toBe(stem('policy'));
		expect(stem('buckets')).toBe('bucket');
	});

	it('leaves short words and names with digits alone', () => {
		expect(stem('gp2')).toBe('gp2');
		expect(stem('s3')).toBe('s3');
		expect(stem('sqs')).toBe('sqs');
	});
});

describe('Analyser', () => {
	it('gives an acronym and its spelled-out name the same synonym term, both ways', () => {
		expect(analyser.indexTerms('An ALB routes HTTP')).toContain('≡alb');
		expect(analyser.indexTerms('An Application Load Balancers routes HTTP')).toContain('≡alb');
		expect(analyser.queryTerms('alb')).toEqual(['alb', '≡alb']);
	});

	it('reads hyphenated and multi-word acronyms as one entry', () => {
		expect(analyser.indexTerms('Use SSE-KMS for audit')).toContain('≡sse-kms');
		expect(analyser.indexTerms('objects encrypted with KMS managed keys')).toContain('≡sse-kms');
		expect(analyser.indexTerms('S3 Standard-IA has a retrieval fee')).toContain('≡s3-ia');
	});

	it('drops stop words, and the filler of exam questions from queries only', () => {
		expect(analyser.indexTerms('The company needs a bucket')).toEqual(['compani', stem('needs'), 'bucket']);
		expect(analyser.queryTerms('The company needs a bucket')).toEqual(['bucket']);
		expect(analyser.queryTerms('company')).toEqual(['compani']);
	});

	it('gives every token its place in the text, a synonym spanning its words', () => {
		const text = 'Pick an Application Load Balancer.';
		const synonym = analyser.tokens(text).find((token) => token.term === '≡alb');
		expect(synonym && text.slice(synonym.start, synonym.end)).toBe('Application Load Balancer');
	});

	it('looks up an unknown word both stemmed and as typed', () => {
		const known = new Set(['egress']);
		expect(analyser.queryTerms('egres', (term) => known.has(term))).toEqual([stem('egres'), 'egres']);
		expect(analyser.queryTerms('egress', (term) => known.has(term))).toEqual(['egress']);
	});
});

describe('parseSynonyms', () => {
	it('names the file and the entry that is wrong', () => {
		expect(() => parseSynonyms('syn.json', '{"entries": [{"term": "ALB", "forms": []}]}')).toThrow(
			'syn.json: entries.0.forms: needs at least one form',
		);
		expect(() => parseSynonyms('syn.json', '{"entries": [')).toThrow(/^syn\.json: is not valid JSON/u);
		expect(() =>
			parseSynonyms('syn.json', '{"entries": [{"term": "ALB", "forms": ["a"]}, {"term": "alb", "forms": ["b"]}]}'),
		).toThrow('syn.json: entries.1: term "alb" is already listed as "ALB"');
	});
});
