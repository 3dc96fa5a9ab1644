import { describe, expect, it } from 'vitest';
import { findSection, MAX_SUGGESTIONS, suggestSections } from '../../src/search/suggestSections.js';
import { shippedNotes } from '../support/library.js';

describe('suggestSections', () => {
	it('puts exact and prefix title matches first', async () => {
		const { index } = await shippedNotes();
		const titles = suggestSections(index, 'vpc flow').map((section) => section.title.toLowerCase());
		expect(titles.slice(0, 3).every((title) => title.startsWith('vpc flow logs'))).toBe(true);
		expect(suggestSections(index, 'Route 53')[0]?.title).toBe('Route 53');
	});

	it('matches titles word by word as they are typed', async () => {
		const { index } = await shippedNotes();
		expect(
			suggestSections(index, 'sqs dea')
				.slice(0, 2)
				.map((section) => section.title),
		).toEqual(expect.arrayContaining(['Amazon SQS Dead letter queue DLQ', 'SQS dead-letter queues and redrive']));
	});

	it('fills up with full-text matches and never offers more than Discord allows', async () => {
		const { index } = await shippedNotes();
		for (const typed of ['s', 'encryption', 'a', 'which load balancer keeps the client ip']) {
			const suggestions = suggestSections(index, typed);
			expect(suggestions.length).toBeGreaterThan(0);
			expect(suggestions.length).toBeLessThanOrEqual(MAX_SUGGESTIONS);
			expect(new Set(suggestions.map((section) => section.id)).size).toBe(suggestions.length);
		}
	});

	it('offers top-level topics from every note file when nothing is typed', async () => {
		const { index, library } = await shippedNotes();
		const pinned = suggestSections(index, '  ');
		expect(pinned).toHaveLength(MAX_SUGGESTIONS);
		expect(new Set(pinned.map((section) => section.file)).size).toBe(library.files.length);
	});
});

describe('findSection', () => {
	it('resolves an id, a title typed in full, a guess, or nothing', async () => {
		const { index } = await shippedNotes();
		const section = index.sections[10];
		expect(findSection(index, section?.id ?? '')).toEqual({ status: 'exact', section });
		expect(findSection(index, 'route 53 health checks')).toMatchObject({
			status: 'exact',
			section: { title: 'Route 53 Health Checks' },
		});
		expect(findSection(index, 'how do nacls work')).toMatchObject({ status: 'closest' });
		expect(findSection(index, '!!!')).toEqual({ status: 'none' });
		expect(findSection(index, 'qqqqq wwwww')).toEqual({ status: 'none' });
	});
});
