import type { ButtonInteraction } from 'discord.js';
import type { BotContext } from '../context.js';
import type { CustomId } from '../customId.js';
import { renderProblem } from '../render/message.js';
import { renderLeaderboard, renderSharedStats } from '../render/scores.js';
import { replyOptions, updateOptions } from '../respond.js';
import { loadLeaderboard, loadProgress } from '../scoresView.js';

type ScoreCustomId = Extract<CustomId, { feature: 'leaderboard' | 'stats' }>;

/** Leaderboard paging and period switches (in place), and sharing one's stats publicly. */
export async function handleScoreButton(
	interaction: ButtonInteraction,
	id: ScoreCustomId,
	context: BotContext,
): Promise<void> {
	if (!interaction.inCachedGuild()) {
		await interaction.reply(replyOptions(renderProblem('This belongs to a server.')));
		return;
	}
	if (id.feature === 'leaderboard') {
		await interaction.update(
			updateOptions(renderLeaderboard(await loadLeaderboard(context, interaction, id.period, id.page))),
		);
		return;
	}
	const member = interaction.guild.members.cache.get(id.userId);
	const { progress, sectionOf } = await loadProgress(
		context,
		interaction.guildId,
		id.userId,
		member?.displayName ?? `member ${id.userId}`,
	);
	await interaction.reply(replyOptions(renderSharedStats(progress, sectionOf, interaction.user.id)));
}
