import { Events, type Client } from 'discord.js';
import type { Logger } from '../../logging/logger.js';
import type { QuizUseCases } from '../../quiz/quizUseCases.js';

/**
 * A channel's permission overwrites or a role changed: if today's question is waiting for the
 * bot to get access, it is tried again at once. Both events come with the Guilds intent.
 */
export function watchAccessChanges(client: Client, quiz: Pick<QuizUseCases, 'retryBlockedPost'>, logger: Logger): void {
	const retry = (change: { guildId: string; channelId?: string }): void => {
		quiz.retryBlockedPost(change).then(
			(outcome) => {
				if (outcome.status === 'retrying') {
					logger.info({ ...change, localDate: outcome.localDate }, 'access changed: retrying today’s question');
				}
			},
			(error: unknown) => {
				logger.warn({ ...change, err: error }, 'could not retry today’s question after an access change');
			},
		);
	};
	client.on(Events.ChannelUpdate, (_, channel) => {
		if (!channel.isDMBased()) {
			retry({ guildId: channel.guildId, channelId: channel.id });
		}
	});
	client.on(Events.GuildRoleUpdate, (_, role) => {
		retry({ guildId: role.guild.id });
	});
	client.on(Events.GuildMemberUpdate, (_, member) => {
		if (member.id === client.user?.id) {
			retry({ guildId: member.guild.id });
		}
	});
}
