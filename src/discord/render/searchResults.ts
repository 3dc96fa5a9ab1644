import { ButtonStyle, type APIEmbed } from 'discord.js';
import type { NoteSection } from '../../notes/types.js';
import type { PagedResult, SearchPage } from '../../search/searchPage.js';
import type { SnippetLine } from '../../search/snippet.js';
import { encodeCustomId } from '../customId.js';
import { escapeText } from './escape.js';
import { DISCORD_LIMITS, fitEmbed, truncate } from './limits.js';
import { button, COLOURS, pagingButtons, renderProblem, row, type RenderedMessage } from './message.js';

/**
 * The footer keeps the query word for word: a page button reads it back from the message it
 * sits on, so paging needs no memory in the bot and survives restarts. Footers show no
 * Markdown and no mentions, so the query is not escaped there.
 */
const QUERY_LABEL = 'Query: ';

export function queryFromFooter(footer: string | undefined): string | undefined {
	const start = footer?.indexOf(QUERY_LABEL) ?? -1;
	return footer === undefined || start < 0 ? undefined : footer.slice(start + QUERY_LABEL.length);
}

function renderSnippetLine(line: SnippetLine): string {
	return line
		.map((segment) => (segment.matched ? `**${escapeText(segment.text)}**` : escapeText(segment.text)))
		.join('');
}

function resultField(result: PagedResult): NonNullable<APIEmbed['fields']>[number] {
	const place = result.breadcrumb.slice(0, -1).join(' › ');
	const snippet = result.snippet.map((line) => `> ${renderSnippetLine(line)}`).join('\n');
	return {
		name: truncate(`${result.rank}. ${escapeText(result.title)}`, DISCORD_LIMITS.fieldName),
		value: truncate(`${escapeText(place)} · \`${result.id}\`\n${snippet}`, DISCORD_LIMITS.fieldValue),
	};
}

function resultsEmbed(page: Extract<SearchPage, { status: 'found' }>): APIEmbed {
	const shown = `${page.results[0]?.rank ?? 0}–${page.results.at(-1)?.rank ?? 0}`;
	return fitEmbed({
		title: `🔎 ${escapeText(truncate(page.query, 200))}`,
		description: `${page.total} ${page.total === 1 ? 'section matches' : 'sections match'}; showing ${shown}. Open one to read it in full.`,
		color: COLOURS.info,
		fields: page.results.map(resultField),
		footer: { text: `Page ${page.page + 1}/${page.pageCount} · ${QUERY_LABEL}${page.query}` },
	});
}

function openButtons(sections: readonly { id: string; passageIndex?: number }[], firstNumber: number) {
	return row(
		sections.map((section, offset) =>
			button(
				encodeCustomId({ feature: 'note', action: 'open', sectionId: section.id, passage: section.passageIndex ?? 0 }),
				`Open ${firstNumber + offset}`,
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
						: '\n\nTry fewer or more general words.'),
				color: COLOURS.warning,
			}),
		],
		components: suggestions.length > 0 ? [openButtons(suggestions, 1)] : [],
		ephemeral: true,
	};
}

/** A page of results, privately, with buttons to open each result and to turn pages. */
export function renderSearchPage(page: SearchPage): RenderedMessage {
	if (page.status === 'invalid') {
		return renderProblem(page.problem);
	}
	if (page.status === 'none') {
		return renderNoResults(page.query, page.suggestions);
	}
	const components = [openButtons(page.results, page.results[0]?.rank ?? 1)];
	if (page.pageCount > 1) {
		components.push(
			row(
				pagingButtons(page.page, page.pageCount, (target) =>
					encodeCustomId({ feature: 'search', action: 'page', page: target }),
				),
			),
		);
	}
	return { embeds: [resultsEmbed(page)], components, ephemeral: true };
}
