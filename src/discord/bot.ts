import { once } from 'node:events';
import { Events, type Client } from 'discord.js';
import type { DiscordConfig, ShardConfig } from '../config/config.js';
import type { Logger } from '../logging/logger.js';
import { createDiscordClient } from './client.js';
import { COMMAND_DEFINITIONS, COMMANDS, MESSAGE_COMMANDS } from './commands/index.js';
import type { BotContext } from './context.js';
import { watchAccessChanges } from './events/accessChanges.js';
import { inviteUrl } from './invite.js';
import { createInteractionRouter } from './router.js';

export interface RunningBot {
	readonly client: Client;
	/** Stops taking interactions and waits for the ones being answered. */
	drain(): Promise<void>;
	stop(): Promise<void>;
}

/**
 * A newcomer's next step when Discord knows none of the bot's commands yet (where they would be
 * registered: the development guild, or globally): register them, then invite the bot.
 */
async function hintWhenUnregistered(client: Client, devGuildId: string | undefined): Promise<string | undefined> {
	const application = client.application;
	if (!application) {
		return undefined;
	}
	const commands = await (devGuildId === undefined
		? application.commands.fetch()
		: application.commands.fetch({ guildId: devGuildId }));
	return commands.size > 0
		? undefined
		: `No slash commands are registered yet: run \`npm run commands:register\` (studybot commands), then invite the bot with ${inviteUrl(application.id)}`;
}

/**
 * Connects to the gateway and answers interactions. Resolves once the gateway is ready and
 * the guilds are known.
 */
export async function startBot(
	config: DiscordConfig & { readonly shards: ShardConfig },
	logger: Logger,
	services: Omit<BotContext, 'logger' | 'commands'>,
): Promise<RunningBot> {
	const client = createDiscordClient(config, config.shards);
	const route = createInteractionRouter(COMMANDS, MESSAGE_COMMANDS, {
		...services,
		logger,
		commands: {
			slash: COMMAND_DEFINITIONS,
			message: MESSAGE_COMMANDS.map((command) => ({ name: command.definition.name, help: command.help })),
		},
	});
	// Interactions being answered, so that a shutdown can let them finish.
	const inFlight = new Set<Promise<void>>();
	let accepting = true;
	client.on(Events.InteractionCreate, (interaction) => {
		if (!accepting) {
			return;
		}
		const answering = route(interaction).finally(() => inFlight.delete(answering));
		inFlight.add(answering);
	});
	watchAccessChanges(client, services.quiz, logger);
	client.once(Events.ClientReady, (ready) => {
		logger.info(
			{
				user: ready.user.tag,
				guilds: ready.guilds.cache.size,
				shards: [...ready.ws.shards.keys()],
				shardCount: ready.options.shardCount,
			},
			'connected to Discord',
		);
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
	hintWhenUnregistered(client, config.devGuildId).then(
		(hint) => {
			if (hint !== undefined) {
				logger.info({ applicationId: client.application?.id }, hint);
			}
		},
		(error: unknown) => {
			logger.warn({ err: error }, 'could not check whether the slash commands are registered');
		},
	);
	return {
		client,
		async drain() {
			accepting = false;
			await Promise.allSettled([...inFlight]);
		},
		async stop() {
			accepting = false;
			await Promise.allSettled([...inFlight]);
			await client.destroy();
			logger.info('disconnected from Discord');
		},
	};
}
