import { Client, GatewayIntentBits, Partials } from 'discord.js';
import type { DiscordConfig } from '../config/config.js';

/**
 * The gateway client. Only the `Guilds` intent: answers come through interactions, so the bot
 * needs no privileged intent, and by default nothing it sends can ping anyone.
 */
export function createDiscordClient(config: Pick<DiscordConfig, 'apiUrl'>): Client {
	return new Client({
		intents: [GatewayIntentBits.Guilds],
		partials: [Partials.Channel],
		allowedMentions: { parse: [], repliedUser: false },
		...(config.apiUrl === undefined ? {} : { rest: { api: config.apiUrl } }),
	});
}
