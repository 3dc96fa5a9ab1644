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
		rest: {
			...(config.apiUrl === undefined ? {} : { api: config.apiUrl }),
			globalRequestsPerSecond: INTERACTION_REQUESTS_PER_SECOND,
		},
	});
}

/**
 * This client answers interactions: callbacks, and edits and follow-ups through the interaction
 * webhook, which Discord does not count against the bot's global limit of 50 requests a second.
 * discord.js would still pace them at 50/s, so in a burst the edits of deferred replies would
 * queue for minutes. Anything else it sends that Discord does limit comes back as a 429, which
 * discord.js waits out. (Quiz posts go through the worker's own REST client, paced at 50/s.)
 */
const INTERACTION_REQUESTS_PER_SECOND = 1_000;

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
