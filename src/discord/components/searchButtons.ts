import type { ButtonInteraction } from 'discord.js';
import type { BotContext } from '../context.js';
import type { CustomId } from '../customId.js';
import { renderProblem } from '../render/message.js';
import { renderSearchPage, RESULTS_EXPIRED } from '../render/searchResults.js';
import { replyOptions, updateOptions } from '../respond.js';

type SearchCustomId = Extract<CustomId, { feature: 'search' }>;

/** Turns the page of a results message; the button says which query it belongs to. */
export async function handleSearchButton(
	interaction: ButtonInteraction,
	id: SearchCustomId,
	{ search }: BotContext,
): Promise<void> {
	const answer = await search.turnPage(id.query, id.page);
	if ('status' in answer) {
		await interaction.reply(replyOptions(renderProblem(RESULTS_EXPIRED)));
		return;
	}
	await interaction.update(updateOptions(renderSearchPage(answer.page, answer.reference)));
}
