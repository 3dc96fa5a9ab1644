import type { ButtonInteraction, ChatInputCommandInteraction } from 'discord.js';
import { renderProblem } from '../render/message.js';
import { replyOptions } from '../respond.js';

/**
 * Tells a member that what they used works only in a server the bot is in: the one wording for
 * every server-only command and button (callers check `interaction.inCachedGuild()` first).
 */
export async function replyServerOnly(interaction: ChatInputCommandInteraction | ButtonInteraction): Promise<void> {
	const what = interaction.isChatInputCommand() ? `\`/${interaction.commandName}\`` : 'This button';
	await interaction.reply(replyOptions(renderProblem(`${what} works only in a server: use it in a server channel.`)));
}
