import { ApplicationIntegrationType, InteractionContextType } from 'discord.js';

interface Reach {
	readonly integration_types: ApplicationIntegrationType[];
	readonly contexts: InteractionContextType[];
}

/**
 * Where a command can be used. Study commands go anywhere: in servers that added the bot, in
 * DMs with it, and, installed to a member's account, in any server or group DM (then every reply
 * is private and nothing is posted). The quiz and leaderboards belong to a server that added
 * the bot.
 */
export const ANYWHERE: Reach = {
	integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
	contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
};

export const SERVER_ONLY: Reach = {
	integration_types: [ApplicationIntegrationType.GuildInstall],
	contexts: [InteractionContextType.Guild],
};
