import type { ButtonInteraction } from 'discord.js';
import { replyServerOnly } from '../commands/serverOnly.js';
import type { BotContext } from '../context.js';
import type { CustomId } from '../customId.js';
import { renderLeaderboard, renderSharedLeaderboard, renderSharedStats } from '../render/scores.js';
import { replyOptions, updateOptions } from '../respond.js';

type ScoreCustomId = Extract<CustomId, { feature: 'leaderboard' | 'stats' }>;

/** Leaderboard paging and period switches (in place), and sharing one's stats publicly. */
export async function handleScoreButton(
	interaction: ButtonInteraction,
	id: ScoreCustomId,
	{ scores, index }: BotContext,
): Promise<void> {
	if (!interaction.inCachedGuild()) {
		await replyServerOnly(interaction);
		return;
	}
	if (id.feature === 'leaderboard') {
		const board = await scores.leaderboard({
			guildId: interaction.guildId,
			period: id.period,
			page: id.page,
			readerId: interaction.user.id,
		});
		await (id.action === 'share'
			? interaction.reply(replyOptions(renderSharedLeaderboard(board, interaction.user.id)))
			: interaction.update(updateOptions(renderLeaderboard(board))));
		return;
	}
	const member = interaction.guild.members.cache.get(id.userId);
	const progress = await scores.memberProgress({
		guildId: interaction.guildId,
		userId: id.userId,
		fallbackName: member?.displayName ?? `member ${id.userId}`,
	});
	await interaction.reply(
		replyOptions(renderSharedStats(progress, (sectionId) => index.getSection(sectionId), interaction.user.id)),
	);
}
