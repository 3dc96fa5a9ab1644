import type { ButtonInteraction } from 'discord.js';
import { searchPage } from '../../search/searchPage.js';
import type { BotContext } from '../context.js';
import type { CustomId } from '../customId.js';
import { renderProblem } from '../render/message.js';
import { queryFromFooter, renderSearchPage } from '../render/searchResults.js';
import { replyOptions, updateOptions } from '../respond.js';

type SearchCustomId = Extract<CustomId, { feature: 'search' }>;

/** Turns the page of a results message; the query is read back from that message. */
export async function handleSearchButton(
	interaction: ButtonInteraction,
	id: SearchCustomId,
	{ index }: BotContext,
): Promise<void> {
	const query = queryFromFooter(interaction.message.embeds[0]?.footer?.text);
	if (query === undefined) {
		await interaction.reply(replyOptions(renderProblem('These results have expired. Run `/search` again.')));
		return;
	}
	await interaction.update(updateOptions(renderSearchPage(searchPage(index, query, id.page))));
}
