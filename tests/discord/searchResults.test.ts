import { ButtonStyle } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { decodeCustomId } from '../../src/discord/customId.js';
import { escapeText } from '../../src/discord/render/escape.js';
import { renderSearchPage } from '../../src/discord/render/searchResults.js';
import { MAX_QUERY_LENGTH } from '../../src/search/query.js';
import { searchPage } from '../../src/search/searchPage.js';
import { shippedNotes } from '../support/library.js';
import { RELEVANCE_QUERIES } from '../search/relevanceQueries.js';
import { expectSendable } from './assertions.js';

describe('renderSearchPage', () => {
	it('shows a private page of results with an open button for each and paging buttons', async () => {
		const { index } = await shippedNotes();
		const page = searchPage(index, 'kms keys');
		const message = renderSearchPage(page, { kind: 'inline', query: 'kms keys' });
		expectSendable(message);
		expect(message.ephemeral).toBe(true);
		if (page.status !== 'found') {
			throw new Error('expected results');
		}
		const [embed] = message.embeds;
		expect(embed?.fields?.map((field) => field.name)).toEqual(
			page.results.map((result) => `${result.rank}. ${escapeText(result.title)}`),
		);
		// Where the section sits, as a member reads it; never its internal id.
		expect(embed?.fields?.[0]?.value.split('\n')[0]).toBe(
			escapeText(page.results[0]?.breadcrumb.slice(0, -1).join(' › ') ?? ''),
		);
		expect(JSON.stringify(message.embeds)).not.toContain(page.results[0]?.id ?? '?');
		expect(embed?.fields?.[0]?.value).toMatch(/\*\*KMS[^*]*\*\*/iu);
		expect(embed?.description).toMatch(
			new RegExp(`^${String(page.total)} sections match; showing 1–5( of the best 25)?\\. Open one`, 'u'),
		);
		expect(page.total).toBeGreaterThanOrEqual(page.results.length);
		const [openRow, pagingRow] = message.components;
		expect(openRow?.components.map((component) => ('label' in component ? component.label : undefined))).toEqual(
			page.results.map((result) => `${result.rank}. ${result.title}`.slice(0, 80)),
		);
		expect(openRow?.components.map((component) => decodeCustomId(component.custom_id))).toEqual(
			page.results.map((result) => ({
				feature: 'note',
				action: 'open',
				sectionId: result.id,
				passage: result.passageIndex,
			})),
		);
		expect(
			pagingRow?.components.map((component) => ('label' in component ? [component.label, component.disabled] : [])),
		).toEqual([
			['Previous', true],
			['Next', false],
		]);
		expect(
			pagingRow?.components[1] && 'style' in pagingRow.components[1] ? pagingRow.components[1].style : undefined,
		).toBe(ButtonStyle.Secondary);
		expect(pagingRow?.components.map((component) => decodeCustomId(component.custom_id))).toEqual([
			{ feature: 'search', action: 'page', page: 0, query: { kind: 'inline', query: 'kms keys' } },
			{ feature: 'search', action: 'page', page: 1, query: { kind: 'inline', query: 'kms keys' } },
		]);
		expect(embed?.footer?.text).toBe(`Page 1/${String(page.pageCount)}`);
	});

	it('turns to the last page with Next disabled', async () => {
		const { index } = await shippedNotes();
		const first = searchPage(index, 's3');
		if (first.status !== 'found') {
			throw new Error('expected results');
		}
		const message = renderSearchPage(searchPage(index, 's3', first.pageCount - 1), {
			kind: 'saved',
			key: '0123456789abcdef',
		});
		expect(message.components[1]?.components.map((component) => component.disabled)).toEqual([false, true]);
		expect(message.embeds[0]?.footer?.text).toBe(`Page ${String(first.pageCount)}/${String(first.pageCount)}`);
	});

	it('leaves the page buttons out, and says so, when the query could not be saved for them', async () => {
		const { index } = await shippedNotes();
		const message = renderSearchPage(searchPage(index, 's3'), undefined);
		expect(message.components).toHaveLength(1);
		expect(message.embeds[0]?.footer?.text).toMatch(/· paging is unavailable for a moment$/u);
	});

	it.each([
		'@everyone **vpc** <@&123456789012345678> `rm -rf` ||x|| # heading',
		`A company needs ${'a very long scenario with many words '.repeat(40)}`.slice(0, MAX_QUERY_LENGTH),
		...RELEVANCE_QUERIES.map((entry) => entry.query),
	])('renders a sendable, ping-free message for %j', async (query) => {
		const { index } = await shippedNotes();
		const message = renderSearchPage(searchPage(index, query), { kind: 'saved', key: '0123456789abcdef' });
		expectSendable(message);
		// The footer stays short whatever the query: at most "Page n/m".
		expect(message.embeds[0]?.footer?.text ?? '').toMatch(/^(?:Page \d+\/\d+)?$/u);
	});

	it('says when nothing matches and offers the closest sections to open', async () => {
		const { index } = await shippedNotes();
		const message = renderSearchPage(searchPage(index, 'vpcc'), undefined);
		expectSendable(message);
		expect(message.embeds[0]?.title).toBe('No results');
		expect(message.embeds[0]?.description).toMatch(/Closest section titles:\n1\. .*VPC/u);
		expect(message.components[0]?.components.length).toBeGreaterThan(0);
	});

	it('explains a bad query privately', async () => {
		const { index } = await shippedNotes();
		const message = renderSearchPage(searchPage(index, '   '), undefined);
		expectSendable(message);
		expect(message.ephemeral).toBe(true);
		expect(message.components).toEqual([]);
		expect(message.embeds[0]?.description).toMatch(/empty/u);
	});

	it.each([
		['one letter in symbols', '@everyone <@&123> **bold** `x`'],
		['stop words only', 'the and of'],
		['one letter', 'x'],
	])('does not search %s: it says what to type instead', async (_, query) => {
		const { index } = await shippedNotes();
		const page = searchPage(index, query);
		const message = renderSearchPage(page, undefined);
		if (page.status === 'found') {
			expect(page.results.map((result) => result.title)).not.toContainEqual(expect.stringMatching(/x-?ray/iu));
			return;
		}
		expect(page.status).toBe('invalid');
		expect(message.embeds[0]?.description).toMatch(/leaves out common words .* and single letters/u);
		expect(message.embeds[0]?.description).not.toMatch(/fewer or more general/u);
	});
});
