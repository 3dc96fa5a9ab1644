import type { ButtonInteraction, ChatInputCommandInteraction } from 'discord.js';
import { renderProblem } from '../render/message.js';
import { replyOptions } from '../respond.js';

/**
 * Tells a member that what they used works only in a server the bot is in: the one wording for
 * every server-only command and button (callers check `interaction.inCachedGuild()` first). In
 * a server that has not added the bot, where the member uses the app installed to their own
 * account, it says so: there the bot answers privately and posts nothing.
 */
export async function replyServerOnly(interaction: ChatInputCommandInteraction | ButtonInteraction): Promise<void> {
	const what = interaction.isChatInputCommand() ? `\`/${interaction.commandName}\`` : 'This button';
	await interaction.reply(
		replyOptions(
			renderProblem(
				interaction.guildId === null
					? `${what} works only in a server: use it in a server channel.`
					: `${what} works only in a server that has added studybot. Here studybot is installed on your account, so its replies stay private to you.`,
			),
		),
	);
}
