import { Client, GatewayIntentBits, Partials, type ClientOptions } from 'discord.js';
import type { DiscordConfig, ShardConfig } from '../config/config.js';

/**
 * The gateway client. Only the `Guilds` intent: answers come through interactions, so the bot
 * needs no privileged intent, and by default nothing it sends can ping anyone.
 *
 * Sharding is discord.js's own: one WebSocket per shard, and Discord sends each shard only the
 * guilds (and their interactions) that hash to it, so a process answers only its shards' guilds.
 */
export function createDiscordClient(config: Pick<DiscordConfig, 'apiUrl'>, shards: ShardConfig): Client {
	return new Client({
		intents: [GatewayIntentBits.Guilds],
		...shardOptions(shards),
		partials: [Partials.Channel],
		allowedMentions: { parse: [], repliedUser: false },
		...(config.apiUrl === undefined ? {} : { rest: { api: config.apiUrl } }),
	});
}

function shardOptions(shards: ShardConfig): Pick<ClientOptions, 'shards' | 'shardCount'> {
	if (shards.count === 'auto') {
		// discord.js asks GET /gateway/bot for the recommended count and runs every shard.
		return { shards: 'auto' };
	}
	return {
		shards: shards.ids === undefined ? [...Array(shards.count).keys()] : [...shards.ids],
		shardCount: shards.count,
	};
}
