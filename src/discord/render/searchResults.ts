import { ButtonStyle, type APIEmbed } from 'discord.js';
import type { NoteSection } from '../../notes/types.js';
import type { QueryReference } from '../../search/savedQueries.js';
import { RESULTS_PER_PAGE, type PagedResult, type SearchPage } from '../../search/searchPage.js';
import type { SnippetLine } from '../../search/snippet.js';
import { encodeCustomId } from '../customId.js';
import { escapeText } from './escape.js';
import { DISCORD_LIMITS, fitEmbed, truncate } from './limits.js';
import { button, COLOURS, pagingButtons, renderProblem, row, type RenderedMessage } from './message.js';

function renderSnippetLine(line: SnippetLine): string {
	return line
		.map((segment) => (segment.matched ? `**${escapeText(segment.text)}**` : escapeText(segment.text)))
		.join('');
}

/** Where a section sits in the notes, as a member reads it (file › heading), never its internal id. */
function placeOf(section: { readonly breadcrumb: readonly string[] }): string {
	return section.breadcrumb.slice(0, -1).join(' › ');
}

function resultField(result: PagedResult): NonNullable<APIEmbed['fields']>[number] {
	const snippet = result.snippet.map((line) => `> ${renderSnippetLine(line)}`).join('\n');
	return {
		name: truncate(`${result.rank}. ${escapeText(result.title)}`, DISCORD_LIMITS.fieldName),
		value: truncate(`${escapeText(placeOf(result))}\n${snippet}`, DISCORD_LIMITS.fieldValue),
	};
}

function matchCount(total: number): string {
	return `${total} ${total === 1 ? 'section matches' : 'sections match'}`;
}

function resultsEmbed(page: Extract<SearchPage, { status: 'found' }>, pagingWorks: boolean): APIEmbed {
	const shown = `${page.results[0]?.rank ?? 0}–${page.results.at(-1)?.rank ?? 0}`;
	const pageable = page.pageCount * RESULTS_PER_PAGE;
	const best = page.total > pageable ? ` of the best ${String(pageable)}` : '';
	return fitEmbed({
		title: `🔎 ${escapeText(truncate(page.query, 200))}`,
		description: `${matchCount(page.total)}; showing ${shown}${best}. Open one to read it in full.`,
		color: COLOURS.info,
		fields: page.results.map(resultField),
		...(page.pageCount > 1
			? {
					footer: {
						text: `Page ${page.page + 1}/${page.pageCount}${pagingWorks ? '' : ' · paging is unavailable for a moment'}`,
					},
				}
			: {}),
	});
}

/** One button per result, labelled with what it opens. */
function openButtons(sections: readonly { id: string; title: string; passageIndex?: number }[], firstNumber: number) {
	return row(
		sections.map((section, offset) =>
			button(
				encodeCustomId({ feature: 'note', action: 'open', sectionId: section.id, passage: section.passageIndex ?? 0 }),
				`${firstNumber + offset}. ${section.title}`,
				{ style: ButtonStyle.Primary },
			),
		),
	);
}

function renderNoResults(query: string, suggestions: readonly NoteSection[]): RenderedMessage {
	const list = suggestions.map(
		(section, index) => `${index + 1}. ${escapeText(section.title)} — ${escapeText(section.breadcrumb[0] ?? '')}`,
	);
	return {
		embeds: [
			fitEmbed({
				title: 'No results',
				description:
					`Nothing in the notes matches **${escapeText(truncate(query, 300))}**.` +
					(list.length > 0
						? `\n\nClosest section titles:\n${list.join('\n')}`
						: '\n\nTry other words for the same thing, or the name of the service.'),
				color: COLOURS.warning,
			}),
		],
		components: suggestions.length > 0 ? [openButtons(suggestions, 1)] : [],
		ephemeral: true,
	};
}

/**
 * A page of results, privately, with buttons to open each result and to turn pages. The page
 * buttons carry a reference to the query (the query itself, or the key it is saved under), so
 * they keep working after a restart; without one, they are left out.
 */
export function renderSearchPage(page: SearchPage, reference: QueryReference | undefined): RenderedMessage {
	if (page.status === 'invalid') {
		return renderProblem(page.problem);
	}
	if (page.status === 'none') {
		return renderNoResults(page.query, page.suggestions);
	}
	const components = [openButtons(page.results, page.results[0]?.rank ?? 1)];
	if (page.pageCount > 1 && reference) {
		components.push(
			row(
				pagingButtons(page.page, page.pageCount, (target) =>
					encodeCustomId({ feature: 'search', action: 'page', page: target, query: reference }),
				),
			),
		);
	}
	return { embeds: [resultsEmbed(page, reference !== undefined)], components, ephemeral: true };
}

export const RESULTS_EXPIRED = 'These results have expired. Run `/search` again.';
