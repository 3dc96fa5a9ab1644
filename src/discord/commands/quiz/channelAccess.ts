import type { ChatInputCommandInteraction } from 'discord.js';
import type { ChannelAccess } from '../../../quiz/setUpQuiz.js';
import { missingPostingPermissions } from '../../permissions.js';

/** The bot's access to a channel of the guild, from the gateway's cache (kept current by CHANNEL_UPDATE). */
export function channelAccess(interaction: ChatInputCommandInteraction<'cached'>, channelId: string): ChannelAccess {
	const channel = interaction.guild.channels.cache.get(channelId);
	if (!channel?.isTextBased()) {
		return 'not-text';
	}
	const me = interaction.guild.members.me;
	return { missing: missingPostingPermissions(me ? channel.permissionsFor(me) : null) };
}
