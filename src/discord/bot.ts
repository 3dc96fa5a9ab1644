import { once } from 'node:events';
import { Events, type Client } from 'discord.js';
import type { DiscordConfig } from '../config/config.js';
import type { Logger } from '../logging/logger.js';
import { loadSearchIndex } from '../search/loadSearchIndex.js';
import { createDiscordClient } from './client.js';
import { COMMAND_DEFINITIONS, COMMANDS } from './commands/index.js';
import { createInteractionRouter } from './router.js';

export interface RunningBot {
	readonly client: Client;
	stop(): Promise<void>;
}

/**
 * Loads and indexes the notes, connects to the gateway and answers interactions. Resolves
 * once the gateway is ready and the guilds are known.
 */
export async function startBot(config: DiscordConfig, logger: Logger): Promise<RunningBot> {
	const { index, problems } = await loadSearchIndex(config.contentDir);
	for (const problem of problems) {
		logger.warn({ path: problem.path }, `note skipped: ${problem.path} ${problem.reason}`);
	}
	logger.info(
		{ sections: index.sections.length, files: new Set(index.sections.map((section) => section.file)).size },
		'notes indexed',
	);

	const client = createDiscordClient(config);
	const route = createInteractionRouter(COMMANDS, { index, logger, commandDefinitions: COMMAND_DEFINITIONS });
	client.on(Events.InteractionCreate, (interaction) => {
		void route(interaction);
	});
	client.once(Events.ClientReady, (ready) => {
		logger.info({ user: ready.user.tag, guilds: ready.guilds.cache.size }, 'connected to Discord');
	});
	client.on(Events.ShardDisconnect, (event, shardId) => {
		logger.warn({ shardId, code: event.code }, 'gateway disconnected');
	});
	client.on(Events.ShardResume, (shardId) => {
		logger.info({ shardId }, 'gateway resumed');
	});
	client.on(Events.Error, (error) => {
		logger.error({ err: error }, 'discord client error');
	});

	await Promise.all([once(client, Events.ClientReady), client.login(config.token)]);
	return {
		client,
		async stop() {
			await client.destroy();
			logger.info('disconnected from Discord');
		},
	};
}
