import { ButtonStyle } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { decodeCustomId } from '../../src/discord/customId.js';
import { escapeText } from '../../src/discord/render/escape.js';
import { queryFromFooter, renderSearchPage } from '../../src/discord/render/searchResults.js';
import { MAX_QUERY_LENGTH } from '../../src/search/query.js';
import { searchPage } from '../../src/search/searchPage.js';
import { shippedNotes } from '../support/library.js';
import { RELEVANCE_QUERIES } from '../search/relevanceQueries.js';
import { expectSendable } from './assertions.js';

describe('renderSearchPage', () => {
	it('shows a private page of results with an open button for each and paging buttons', async () => {
		const { index } = await shippedNotes();
		const page = searchPage(index, 'kms keys');
		const message = renderSearchPage(page);
		expectSendable(message);
		expect(message.ephemeral).toBe(true);
		if (page.status !== 'found') {
			throw new Error('expected results');
		}
		const [embed] = message.embeds;
		expect(embed?.fields?.map((field) => field.name)).toEqual(
			page.results.map((result) => `${result.rank}. ${escapeText(result.title)}`),
		);
		expect(embed?.fields?.[0]?.value).toContain(`\`${page.results[0]?.id ?? ''}\``);
		expect(embed?.fields?.[0]?.value).toMatch(/\*\*KMS\*\*/iu);
		const [openRow, pagingRow] = message.components;
		expect(openRow?.components.map((component) => decodeCustomId(component.custom_id))).toEqual(
			page.results.map((result) => ({
				feature: 'note',
				action: 'open',
				sectionId: result.id,
				passage: result.passageIndex,
			})),
		);
		expect(pagingRow?.components.map((component) => [component.label, component.disabled])).toEqual([
			['Previous', true],
			['Next', false],
		]);
		expect(pagingRow?.components[1]?.style).toBe(ButtonStyle.Secondary);
		expect(queryFromFooter(embed?.footer?.text)).toBe('kms keys');
	});

	it('turns to the last page with Next disabled', async () => {
		const { index } = await shippedNotes();
		const first = searchPage(index, 's3');
		if (first.status !== 'found') {
			throw new Error('expected results');
		}
		const message = renderSearchPage(searchPage(index, 's3', first.pageCount - 1));
		expect(message.components[1]?.components.map((component) => component.disabled)).toEqual([false, true]);
		expect(message.embeds[0]?.footer?.text).toMatch(new RegExp(`^Page ${first.pageCount}/${first.pageCount} `, 'u'));
	});

	it.each([
		'@everyone **vpc** <@&123456789012345678> `rm -rf` ||x|| # heading',
		`A company needs ${'a very long scenario with many words '.repeat(40)}`.slice(0, MAX_QUERY_LENGTH),
		...RELEVANCE_QUERIES.map((entry) => entry.query),
	])('renders a sendable, ping-free message for %j', async (query) => {
		const { index } = await shippedNotes();
		const message = renderSearchPage(searchPage(index, query));
		expectSendable(message);
		const footer = message.embeds[0]?.footer?.text;
		if (footer !== undefined) {
			expect(queryFromFooter(footer)).toBe(query.replace(/\s+/gu, ' ').trim());
		}
	});

	it('says when nothing matches and offers the closest sections to open', async () => {
		const { index } = await shippedNotes();
		const message = renderSearchPage(searchPage(index, 'vpcc'));
		expectSendable(message);
		expect(message.embeds[0]?.title).toBe('No results');
		expect(message.embeds[0]?.description).toMatch(/Closest section titles:\n1\. .*VPC/u);
		expect(message.components[0]?.components.length).toBeGreaterThan(0);
	});

	it('explains a bad query privately', async () => {
		const { index } = await shippedNotes();
		const message = renderSearchPage(searchPage(index, '   '));
		expectSendable(message);
		expect(message.ephemeral).toBe(true);
		expect(message.components).toEqual([]);
		expect(message.embeds[0]?.description).toMatch(/empty/u);
	});
});
