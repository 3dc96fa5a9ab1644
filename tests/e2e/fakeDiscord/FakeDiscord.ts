import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import {
	PermissionFlagsBits,
	ApplicationCommandOptionType,
	ChannelType,
	ApplicationCommandType,
	ComponentType,
	GatewayDispatchEvents,
	ApplicationIntegrationType,
	InteractionContextType,
	InteractionResponseType,
	InteractionType,
	MessageFlags,
	MessageType,
	type APIActionRowComponent,
	type APIAllowedMentions,
	type APIApplicationCommandInteractionDataOption,
	type APIApplicationCommandOptionChoice,
	type APIComponentInMessageActionRow,
	type APIEmbed,
	type APIMessage,
	type APIUser,
} from 'discord-api-types/v10';
import { WebSocketServer } from 'ws';
import { checkCommands } from './commands.js';
import { FakeGateway, shardOf } from './gateway.js';
import { pingsOf } from './mentions.js';
import { snowflake, snowflakeOnShard } from './snowflake.js';
import {
	channelPayload,
	fakeGuild,
	fakeUser,
	guildPayload,
	memberPayload,
	PERMISSIONS,
	permissionsIn,
	rolePayload,
	type FakeChannel,
	type FakeGuild,
	type FakeMember,
	type FakeOverwrite,
} from './world.js';

/** One REST request the bot made, as the fake saw it. */
export interface RestCall {
	readonly method: string;
	/** Path after `/api/v10`, without the query. */
	readonly path: string;
	readonly query: string;
	readonly body: unknown;
	status: number;
}

/** A fault to answer instead of the real response, for the next `times` matching requests. */
export interface Fault {
	readonly method?: string;
	readonly path: RegExp;
	/** Answer this instead: a rate limit, a server error, or a refusal with Discord's JSON `code`. */
	readonly status?: 403 | 404 | 429 | 500 | 502 | 503;
	/** Discord's JSON error code, for a 403 or 404 (10062 Unknown interaction, 50013 Missing Permissions…). */
	readonly code?: number;
	/** Seconds, for a 429. */
	readonly retryAfter?: number;
	/** Wait this long before answering (with the fault, or normally when there is no status). */
	readonly delayMs?: number;
	/**
	 * Handle the request normally, then wait this long before answering: the effect (a message
	 * stored and visible to members) comes before the response reaches the bot.
	 */
	readonly holdResponseMs?: number;
	times: number;
}

/** A message as a person would see it, with who it would have pinged. */
export interface SeenMessage {
	readonly id: string;
	readonly channelId: string;
	readonly content: string;
	readonly embeds: readonly APIEmbed[];
	readonly components: readonly APIActionRowComponent<APIComponentInMessageActionRow>[];
	readonly ephemeral: boolean;
	readonly pings: readonly string[];
	readonly raw: APIMessage;
}

interface MessageBody {
	content?: string;
	embeds?: APIEmbed[];
	components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
	flags?: MessageFlags;
	allowed_mentions?: APIAllowedMentions;
	nonce?: string;
	enforce_nonce?: boolean;
}

interface InteractionRecord {
	readonly id: string;
	readonly token: string;
	readonly channelId: string;
	readonly callbacks: { type: InteractionResponseType; data: unknown }[];
	original?: string;
	/** Edits of the reply through the interaction webhook (`@original` or a follow-up). */
	edits: number;
	readonly followUps: string[];
	readonly waiters: (() => void)[];
	/** What the interaction was (`search`, `button:quiz`, …), for the latency record. */
	readonly label: string;
	/** performance.now() when the interaction was sent down the gateway. */
	readonly dispatchedAt: number;
}

/** From sending an interaction down the gateway to receiving the bot's first callback. */
export interface CallbackLatency {
	readonly label: string;
	readonly ms: number;
	/** True when the bot acknowledged first ("thinking…") and edited its reply in later. */
	readonly deferred: boolean;
}

/** A channel, role or user option, resolved the way Discord sends it. */
export interface MentionableOption {
	readonly kind: 'channel' | 'role' | 'user';
	readonly id: string;
}

export type OptionValue = string | number | boolean | MentionableOption;

export interface CommandOptions {
	readonly name: string;
	readonly subcommand?: string;
	readonly options?: Readonly<Record<string, OptionValue>>;
	readonly member?: FakeMember;
	readonly guild?: FakeGuild;
	/** Send from the member's DM with the bot instead of a guild channel. */
	readonly dm?: boolean;
	/** The guild channel the command is used in (default: the guild's first channel). */
	readonly inChannel?: string;
}

const API_PREFIX = '/api/v10';

/** A command as the app registered it, with the ids the fake gave it. */
interface RegisteredCommand {
	readonly id: string;
	readonly name: string;
	readonly type?: ApplicationCommandType;
	readonly contexts?: readonly InteractionContextType[];
	readonly integration_types?: readonly ApplicationIntegrationType[];
}

const ALL_CONTEXTS = [
	InteractionContextType.Guild,
	InteractionContextType.BotDM,
	InteractionContextType.PrivateChannel,
];

/**
 * `app_permissions` where the bot is not a member (interaction docs): what an interaction's
 * response may use in DMs and, for an app installed to a member's account, in servers.
 */
const RESPONSE_ONLY_PERMISSIONS =
	PermissionFlagsBits.AttachFiles | PermissionFlagsBits.EmbedLinks | PermissionFlagsBits.MentionEveryone;
const BOT_DM_PERMISSIONS = RESPONSE_ONLY_PERMISSIONS | PermissionFlagsBits.UseExternalEmojis;
const DEFAULT_TIMEOUT_MS = 10_000;

function seen(message: APIMessage, allowed: APIAllowedMentions | undefined): SeenMessage {
	return {
		id: message.id,
		channelId: message.channel_id,
		content: message.content,
		embeds: message.embeds,
		components: (message.components ?? []) as APIActionRowComponent<APIComponentInMessageActionRow>[],
		ephemeral: ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0,
		pings: pingsOf(message.content, allowed),
		raw: message,
	};
}

async function readBody(request: IncomingMessage): Promise<unknown> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) {
		chunks.push(chunk as Buffer);
	}
	const text = Buffer.concat(chunks).toString('utf8');
	if (text === '') {
		return undefined;
	}
	if ((request.headers['content-type'] ?? '').startsWith('multipart/form-data')) {
		const json = /name="payload_json"\r\n(?:[^\r\n]*\r\n)*\r\n([^]*?)\r\n--/u.exec(text)?.[1];
		return json === undefined ? undefined : (JSON.parse(json) as unknown);
	}
	return JSON.parse(text) as unknown;
}

/**
 * A local stand-in for Discord's REST API and gateway that the unmodified discord.js client
 * logs into. Tests drive it as members would (slash commands, autocomplete, button clicks) and
 * read back what the bot answered, the REST calls it made, and the routes the fake did not know.
 */
export class FakeDiscord {
	public readonly application = { id: snowflake(), name: 'studybot-test' };
	public readonly botUser: APIUser = fakeUser('studybot', true);
	public readonly guilds: FakeGuild[] = [];
	/** Servers the bot has not joined, where members may use the app installed to their account. */
	public readonly guildsWithoutBot: FakeGuild[] = [];
	/** Members who installed the app to their account (user install). */
	private readonly userInstalls = new Set<string>();
	/** Members who do not accept DMs from the bot (privacy settings, or the bot blocked). */
	private readonly closedDms = new Set<string>();
	/** Each user's DM channel with the bot, created on first use as Discord does. */
	private readonly dmChannels = new Map<string, string>();
	public readonly restLog: RestCall[] = [];
	public readonly unknownRoutes: RestCall[] = [];
	public readonly globalCommands: unknown[] = [];
	/** Every interaction sent down the gateway, as sent. */
	public readonly interactionPayloads: Record<string, unknown>[] = [];
	public readonly guildCommands = new Map<string, unknown[]>();
	public readonly gateway: FakeGateway;
	private readonly faults: Fault[] = [];
	private readonly messages = new Map<string, { message: APIMessage; allowed: APIAllowedMentions | undefined }>();
	private readonly interactions = new Map<string, InteractionRecord>();
	private readonly server: Server;
	private readonly sockets: WebSocketServer;

	/** What GET /gateway/bot recommends; the guilds are spread over that many shards in turn. */
	public readonly recommendedShards: number;

	private readonly replyTimeoutMs: number;
	/** Every interaction's time to its first callback, in the order the callbacks arrived. */
	public readonly callbackLatencies: CallbackLatency[] = [];
	/**
	 * Like Discord's global limit: at most this many REST requests per second, 429 beyond.
	 * Interaction callbacks and webhooks are exempt, as on Discord.
	 */
	private readonly globalRequestsPerSecond: number | undefined;
	private readonly recentRequests: number[] = [];

	public constructor(
		options: {
			guilds?: number;
			heartbeatInterval?: number;
			recommendedShards?: number;
			globalRequestsPerSecond?: number;
			/** How long a member waits for the bot's reply before the fake gives up (default 10 s). */
			replyTimeoutMs?: number;
		} = {},
	) {
		this.replyTimeoutMs = options.replyTimeoutMs ?? DEFAULT_TIMEOUT_MS;
		this.recommendedShards = options.recommendedShards ?? 1;
		this.globalRequestsPerSecond = options.globalRequestsPerSecond;
		for (let index = 0; index < (options.guilds ?? 1); index += 1) {
			const id = snowflakeOnShard(index % this.recommendedShards, this.recommendedShards);
			this.guilds.push(fakeGuild(`Study Server ${String(index + 1)}`, this.botUser, id));
		}
		this.gateway = new FakeGateway(
			{
				onIdentify: ([shard, shardCount]) => {
					const guilds = this.guilds.filter((guild) => shardOf(guild.id, shardCount) === shard);
					return {
						ready: {
							v: 10,
							user: this.botUser,
							guilds: guilds.map((guild) => ({ id: guild.id, unavailable: true })),
							resume_gateway_url: this.gatewayUrl,
							application: { id: this.application.id, flags: 0 },
						},
						afterReady: guilds.map((guild) => ({
							t: GatewayDispatchEvents.GuildCreate,
							d: guildPayload(guild, this.botUser.id),
						})),
					};
				},
			},
			options.heartbeatInterval,
		);
		this.server = createServer((request, response) => {
			this.handle(request, response).catch((error: unknown) => {
				response.writeHead(500, { 'content-type': 'application/json' });
				response.end(JSON.stringify({ message: String(error), code: 0 }));
			});
		});
		this.sockets = new WebSocketServer({ server: this.server, path: '/gateway' });
		this.sockets.on('connection', (socket) => {
			this.gateway.accept(socket);
		});
	}

	public async start(): Promise<void> {
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
	}

	public async stop(): Promise<void> {
		for (const client of this.sockets.clients) {
			client.terminate();
		}
		await new Promise<void>((resolve) => {
			this.sockets.close(() => {
				resolve();
			});
		});
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => {
			this.server.close(() => {
				resolve();
			});
		});
	}

	public get port(): number {
		return (this.server.address() as AddressInfo).port;
	}

	/** What to give discord.js as `rest.api`. */
	public get apiUrl(): string {
		return `http://127.0.0.1:${this.port}/api`;
	}

	public get gatewayUrl(): string {
		return `ws://127.0.0.1:${this.port}/gateway`;
	}

	public get guild(): FakeGuild {
		const [guild] = this.guilds;
		if (!guild) {
			throw new Error('fake discord: no guild');
		}
		return guild;
	}

	/** The ordinary member of the first guild. */
	public get member(): FakeMember {
		return this.memberNamed('ana');
	}

	public memberNamed(name: string, guild = this.guild): FakeMember {
		const member = guild.members.find((candidate) => candidate.user.username === name);
		if (!member) {
			throw new Error(`fake discord: no member ${name}`);
		}
		return member;
	}

	public injectFault(fault: Omit<Fault, 'times'> & { times?: number }): void {
		this.faults.push({ ...fault, times: fault.times ?? 1 });
	}

	/**
	 * Sets (or, with allow and deny both 0, removes) a permission overwrite on a channel, as an
	 * admin editing the channel's permissions would, and tells the gateway with CHANNEL_UPDATE.
	 */
	public setPermissionOverwrite(channelId: string, overwrite: FakeOverwrite): void {
		const guild = this.guildOfChannel(channelId);
		const channel = guild?.channels.find((candidate) => candidate.id === channelId);
		if (!guild || !channel) {
			throw new Error(`fake discord: no channel ${channelId}`);
		}
		const others = channel.overwrites.filter((existing) => existing.id !== overwrite.id);
		channel.overwrites.splice(
			0,
			channel.overwrites.length,
			...others,
			...(overwrite.allow === 0n && overwrite.deny === 0n ? [] : [overwrite]),
		);
		this.gateway.dispatchIfIdentified(GatewayDispatchEvents.ChannelUpdate, channelPayload(channel, guild.id), guild.id);
	}

	/** A server the bot has not joined (no GUILD_CREATE), with an ordinary member and a manager. */
	public addGuildWithoutBot(name: string): FakeGuild {
		const guild = fakeGuild(name, this.botUser);
		(guild.members as FakeMember[]).splice(0, 1);
		this.guildsWithoutBot.push(guild);
		return guild;
	}

	/** The member adds the app to their account (user install), so its user-install commands follow them. */
	public installForUser(member: FakeMember): void {
		this.userInstalls.add(member.user.id);
	}

	/** The member stops accepting DMs from the bot: Discord then refuses them with 50007. */
	public closeDms(member: FakeMember): void {
		this.closedDms.add(member.user.id);
	}

	/** The member's DM channel with the bot. */
	public dmChannelOf(user: APIUser): string {
		let channelId = this.dmChannels.get(user.id);
		if (channelId === undefined) {
			channelId = snowflake();
			this.dmChannels.set(user.id, channelId);
		}
		return channelId;
	}

	/** Messages the bot sent to the member by DM (not interaction replies), oldest first. */
	public directMessages(member: FakeMember): SeenMessage[] {
		const channelId = this.dmChannels.get(member.user.id);
		return channelId === undefined ? [] : this.channelMessages(channelId);
	}

	/** The bot's permissions in a channel, computed as Discord does. */
	public botPermissionsIn(channelId: string): bigint {
		const guild = this.guildOfChannel(channelId);
		const channel = guild?.channels.find((candidate) => candidate.id === channelId);
		const bot = guild?.members.find((member) => member.user.id === this.botUser.id);
		return guild && channel && bot ? permissionsIn(guild, channel, bot) : 0n;
	}

	/** Messages the bot created in a channel (not interaction replies), oldest first. */
	public channelMessages(channelId: string): SeenMessage[] {
		return [...this.messages.values()]
			.filter(
				(stored) =>
					stored.message.channel_id === channelId &&
					stored.message.author.id === this.botUser.id &&
					stored.message.type === MessageType.Default &&
					stored.message.interaction_metadata === undefined,
			)
			.map((stored) => seen(stored.message, stored.allowed));
	}

	public callsTo(method: string, path: RegExp): RestCall[] {
		return this.restLog.filter((call) => call.method === method && path.test(call.path));
	}

	// --- Driving the bot as members would -------------------------------------------------

	/**
	 * A member posts a message in a channel. The bot asks for no message intents, so, as on
	 * Discord, no gateway event tells it; it sees the message only when a member runs a message
	 * command on it.
	 */
	public memberSays(channelId: string, content: string, member: FakeMember = this.member): SeenMessage {
		const message = this.storeMessage(channelId, { content }, { author: member.user });
		return seen(message, undefined);
	}

	/**
	 * A member right-clicks a message and picks one of the bot's commands under Apps. Discord
	 * offers only registered message commands (in the message's guild, or global), and sends
	 * the message whole in the interaction's resolved data, content included, whatever the
	 * bot's intents.
	 */
	public async messageCommand(
		name: string,
		message: SeenMessage,
		member: FakeMember = this.member,
	): Promise<SeenMessage> {
		const guild = this.anyGuildOfChannel(message.raw.channel_id);
		const origin = guild ? { guild } : { dm: true };
		const registered = this.offeredCommand(name, ApplicationCommandType.Message, origin, member);
		if (!registered) {
			throw new Error(`fake discord: no message command "${name}" is registered; Discord would not offer it`);
		}
		const record = this.sendInteraction(
			InteractionType.ApplicationCommand,
			{ name, member, ...(guild ? { guild, inChannel: message.raw.channel_id } : { dm: true }) },
			{
				id: registered.id,
				name,
				type: ApplicationCommandType.Message,
				target_id: message.id,
				resolved: { messages: { [message.id]: message.raw } },
			},
		);
		return this.replyOf(record);
	}

	/** A member runs a slash command; resolves with the reply they see. */
	public async command(options: CommandOptions): Promise<SeenMessage> {
		const registered = this.requireOffered(options);
		const record = this.sendInteraction(InteractionType.ApplicationCommand, options, {
			id: registered?.id ?? snowflake(),
			name: options.name,
			type: ApplicationCommandType.ChatInput,
			options: this.commandOptions(options),
			resolved: this.resolved(options),
		});
		return this.replyOf(record);
	}

	/** A member types in an autocompleted option; resolves with the choices offered. */
	public async autocomplete(
		options: CommandOptions & { readonly focused: string },
	): Promise<APIApplicationCommandOptionChoice[]> {
		const registered = this.requireOffered(options);
		const record = this.sendInteraction(InteractionType.ApplicationCommandAutocomplete, options, {
			id: registered?.id ?? snowflake(),
			name: options.name,
			type: ApplicationCommandType.ChatInput,
			options: this.commandOptions(options, options.focused),
		});
		const callback = await this.nextCallback(record);
		if (callback.type !== InteractionResponseType.ApplicationCommandAutocompleteResult) {
			throw new Error(`fake discord: expected autocomplete choices, got callback type ${callback.type}`);
		}
		return (callback.data as { choices: APIApplicationCommandOptionChoice[] }).choices;
	}

	/**
	 * A member clicks a button of a message; resolves with what they see next: the message
	 * updated in place, or a new reply (private or public).
	 */
	public async click(
		message: SeenMessage,
		customId: string,
		member: FakeMember = this.member,
	): Promise<SeenMessage & { readonly updatedInPlace: boolean }> {
		const component = message.components
			.flatMap((row) => row.components)
			.find((candidate) => 'custom_id' in candidate && candidate.custom_id === customId);
		if (!component) {
			throw new Error(`fake discord: no component "${customId}" on message ${message.id}`);
		}
		if ('disabled' in component && component.disabled) {
			throw new Error(`fake discord: button "${customId}" is disabled; Discord would not send the click`);
		}
		const record = this.sendInteraction(
			InteractionType.MessageComponent,
			this.clickOrigin(message, member),
			{ custom_id: customId, component_type: ComponentType.Button },
			message.raw,
		);
		const reply = await this.replyOf(record);
		return { ...reply, updatedInPlace: reply.id === message.id };
	}

	/**
	 * A member picks options in a select menu of a message and closes it; resolves with what
	 * they see next. Like Discord, refuses picks the menu does not offer, or too few or too many.
	 */
	public async select(
		message: SeenMessage,
		customId: string,
		values: readonly string[],
		member: FakeMember = this.member,
	): Promise<SeenMessage & { readonly updatedInPlace: boolean }> {
		const menu = message.components
			.flatMap((row) => row.components)
			.find((candidate) => candidate.type === ComponentType.StringSelect && candidate.custom_id === customId);
		if (menu?.type !== ComponentType.StringSelect) {
			throw new Error(`fake discord: no select menu "${customId}" on message ${message.id}`);
		}
		const offered = new Set(menu.options.map((option) => option.value));
		if (
			values.length < (menu.min_values ?? 1) ||
			values.length > (menu.max_values ?? 1) ||
			values.some((value) => !offered.has(value))
		) {
			throw new Error(`fake discord: Discord would not send the picks ${JSON.stringify(values)} for "${customId}"`);
		}
		return this.selectRaw(message, customId, values, member);
	}

	/** Sends menu picks as a forged interaction would, unchecked. */
	public async selectRaw(
		message: SeenMessage,
		customId: string,
		values: readonly string[],
		member: FakeMember = this.member,
	): Promise<SeenMessage & { readonly updatedInPlace: boolean }> {
		const record = this.sendInteraction(
			InteractionType.MessageComponent,
			this.clickOrigin(message, member),
			{ custom_id: customId, component_type: ComponentType.StringSelect, values: [...values] },
			message.raw,
		);
		const reply = await this.replyOf(record);
		return { ...reply, updatedInPlace: reply.id === message.id };
	}

	/**
	 * Sends a click with any custom id, as a forged or stale button would. `waitMs` bounds how
	 * long the member waits for an answer (Discord then shows "This interaction failed").
	 */
	public async clickRaw(
		message: SeenMessage,
		customId: string,
		member: FakeMember = this.member,
		waitMs = this.replyTimeoutMs,
	): Promise<SeenMessage> {
		const record = this.sendInteraction(
			InteractionType.MessageComponent,
			this.clickOrigin(message, member),
			{ custom_id: customId, component_type: ComponentType.Button },
			message.raw,
		);
		return this.replyOf(record, waitMs);
	}

	public message(id: string): SeenMessage | undefined {
		const stored = this.messages.get(id);
		return stored && seen(stored.message, stored.allowed);
	}

	private clickOrigin(
		message: SeenMessage,
		member: FakeMember,
	): Pick<CommandOptions, 'member' | 'guild' | 'dm' | 'inChannel'> & { name: string } {
		const guild = this.anyGuildOfChannel(message.channelId);
		return guild ? { name: '', member, guild } : { name: '', member, dm: true };
	}

	// --- Interactions --------------------------------------------------------------------

	private guildOfChannel(channelId: string): FakeGuild | undefined {
		return this.guilds.find((guild) => guild.channels.some((channel) => channel.id === channelId));
	}

	/** The server of a channel, whether or not the bot has joined it. */
	private anyGuildOfChannel(channelId: string): FakeGuild | undefined {
		return [...this.guilds, ...this.guildsWithoutBot].find((guild) =>
			guild.channels.some((channel) => channel.id === channelId),
		);
	}

	/**
	 * Once the app has registered commands, Discord offers a member only those that apply where
	 * they are (application command docs, "Contexts" and "Installation context"): a guild
	 * command only in its guild; a global command only in its `contexts` (default: all three)
	 * and through an installation it supports (`integration_types`, default guild install): in a
	 * server that added the bot, or a DM with the bot from a member who shares a server with it,
	 * by the guild install; anywhere, by the member's own install. Tests that register nothing
	 * drive the handlers directly.
	 */
	private requireOffered(options: CommandOptions): { id: string } | undefined {
		const anyRegistered =
			this.globalCommands.length > 0 || [...this.guildCommands.values()].some((list) => list.length);
		if (!anyRegistered) {
			return undefined;
		}
		const member = options.member ?? this.member;
		const origin = options.dm === true ? { dm: true } : { guild: options.guild ?? this.guild };
		const registered = this.offeredCommand(options.name, ApplicationCommandType.ChatInput, origin, member);
		if (!registered) {
			const where = options.dm === true ? 'in a DM with the bot' : `in ${origin.guild?.name ?? 'the server'}`;
			throw new Error(`fake discord: Discord would not offer /${options.name} ${where} to ${member.user.username}`);
		}
		return registered;
	}

	private offeredCommand(
		name: string,
		type: ApplicationCommandType,
		origin: { readonly guild?: FakeGuild; readonly dm?: boolean },
		member: FakeMember,
	): { id: string } | undefined {
		const botGuild = origin.guild && this.guilds.includes(origin.guild) ? origin.guild : undefined;
		const sharesServer = this.guilds.some((guild) => guild.members.some((other) => other.user.id === member.user.id));
		const userInstalled = this.userInstalls.has(member.user.id);
		const context = origin.dm === true ? InteractionContextType.BotDM : InteractionContextType.Guild;
		const matches = (command: unknown): command is RegisteredCommand =>
			((command as RegisteredCommand).type ?? ApplicationCommandType.ChatInput) === type &&
			(command as RegisteredCommand).name === name;
		const inGuild = botGuild ? (this.guildCommands.get(botGuild.id) ?? []).find(matches) : undefined;
		if (inGuild) {
			return inGuild;
		}
		const global = this.globalCommands.find(matches);
		if (!global) {
			return undefined;
		}
		const contexts = global.contexts ?? ALL_CONTEXTS;
		const installs = global.integration_types ?? [ApplicationIntegrationType.GuildInstall];
		const byGuildInstall =
			installs.includes(ApplicationIntegrationType.GuildInstall) &&
			(botGuild !== undefined || (origin.dm === true && sharesServer));
		const byUserInstall = installs.includes(ApplicationIntegrationType.UserInstall) && userInstalled;
		return contexts.includes(context) && (byGuildInstall || byUserInstall) ? global : undefined;
	}

	private commandOptions(options: CommandOptions, focused?: string): unknown[] {
		const values = Object.entries(options.options ?? {}).map(([name, value]) => ({
			...this.toOption(name, value),
			...(name === focused ? { focused: true } : {}),
		}));
		return options.subcommand === undefined
			? values
			: [{ name: options.subcommand, type: ApplicationCommandOptionType.Subcommand, options: values }];
	}

	private toOption(name: string, value: OptionValue): APIApplicationCommandInteractionDataOption {
		if (typeof value === 'string') {
			return { name, type: ApplicationCommandOptionType.String, value };
		}
		if (typeof value === 'number') {
			return { name, type: ApplicationCommandOptionType.Integer, value };
		}
		if (typeof value === 'boolean') {
			return { name, type: ApplicationCommandOptionType.Boolean, value };
		}
		const types = {
			channel: ApplicationCommandOptionType.Channel,
			role: ApplicationCommandOptionType.Role,
			user: ApplicationCommandOptionType.User,
		} as const;
		return { name, type: types[value.kind], value: value.id };
	}

	/** `resolved` data for channel and role options, as Discord includes it. */
	private resolved(options: CommandOptions): Record<string, Record<string, unknown>> {
		const guild = options.guild ?? this.guild;
		const resolved: Record<string, Record<string, unknown>> = {};
		for (const value of Object.values(options.options ?? {})) {
			if (typeof value !== 'object') {
				continue;
			}
			if (value.kind === 'channel') {
				const channel = guild.channels.find((candidate) => candidate.id === value.id);
				resolved.channels = {
					...resolved.channels,
					[value.id]: channel
						? { id: channel.id, name: channel.name, type: channel.type, permissions: '2248473465835073' }
						: { id: value.id, name: 'unknown', type: 0, permissions: '0' },
				};
			} else if (value.kind === 'user') {
				const member = guild.members.find((candidate) => candidate.user.id === value.id);
				if (member) {
					resolved.users = { ...resolved.users, [value.id]: member.user };
					// Resolved members come without their user, which sits in `resolved.users`.
					resolved.members = { ...resolved.members, [value.id]: { ...memberPayload(member), user: undefined } };
				}
			} else {
				const role = guild.roles.find((candidate) => candidate.id === value.id);
				resolved.roles = {
					...resolved.roles,
					[value.id]: role ? rolePayload(role) : { id: value.id, name: 'unknown' },
				};
			}
		}
		return resolved;
	}

	/** Adds members to a guild, as people joining the server would. */
	public addMembers(count: number, guild = this.guild): FakeMember[] {
		const added = Array.from({ length: count }, (_, index) => ({
			user: fakeUser(`learner${index + 1}`),
			permissions: PERMISSIONS.member,
			roles: [] as string[],
		}));
		(guild.members as FakeMember[]).push(...added);
		return added;
	}

	private sendInteraction(
		type: InteractionType,
		options: Pick<CommandOptions, 'member' | 'guild' | 'dm' | 'inChannel'> & { name: string },
		data: unknown,
		message?: APIMessage,
	): InteractionRecord {
		const guild = options.dm === true ? undefined : (options.guild ?? this.guild);
		const member = options.member ?? this.member;
		const botIsMember = guild !== undefined && this.guilds.includes(guild);
		const guildChannel: FakeChannel | undefined =
			guild?.channels.find((channel) => channel.id === (message?.channel_id ?? options.inChannel)) ??
			guild?.channels[0];
		const channel =
			guild && guildChannel
				? channelPayload(guildChannel, guild.id)
				: { id: this.dmChannelOf(member.user), type: ChannelType.DM };
		const record: InteractionRecord = {
			id: snowflake(),
			token: `token-${snowflake()}`,
			channelId: message?.channel_id ?? String(channel.id),
			callbacks: [],
			edits: 0,
			followUps: [],
			waiters: [],
			label:
				type === InteractionType.MessageComponent
					? `button:${(data as { custom_id: string }).custom_id.split(':')[0] ?? ''}`
					: options.name,
			dispatchedAt: performance.now(),
		};
		this.interactions.set(record.token, record);
		if (message) {
			this.componentMessages.set(record.token, message.id);
		}
		// Which installations authorised the interaction: the server's (its id; "0" in a DM with the
		// bot) and the member's own when they installed the app to their account.
		const owners: Record<string, string> = {
			...(botIsMember ? { [ApplicationIntegrationType.GuildInstall]: guild.id } : {}),
			...(guild === undefined && !this.userInstalls.has(member.user.id)
				? { [ApplicationIntegrationType.GuildInstall]: '0' }
				: {}),
			...(this.userInstalls.has(member.user.id) ? { [ApplicationIntegrationType.UserInstall]: member.user.id } : {}),
		};
		const appPermissions =
			guild === undefined
				? BOT_DM_PERMISSIONS
				: botIsMember && guildChannel
					? this.botPermissionsIn(guildChannel.id)
					: RESPONSE_ONLY_PERMISSIONS;
		const payload = {
			id: record.id,
			application_id: this.application.id,
			type,
			data,
			token: record.token,
			version: 1,
			channel: guild ? channel : { ...channel, recipients: [member.user] },
			channel_id: record.channelId,
			...(guild
				? {
						guild_id: guild.id,
						guild: { id: guild.id, locale: 'en-US', features: [] },
						member: memberPayload(member),
					}
				: { user: member.user }),
			...(message ? { message } : {}),
			app_permissions: String(appPermissions),
			locale: 'en-US',
			guild_locale: 'en-US',
			entitlements: [],
			authorizing_integration_owners: owners,
			context: guild ? InteractionContextType.Guild : InteractionContextType.BotDM,
			attachment_size_limit: 8_388_608,
		};
		this.interactionPayloads.push(payload);
		// Sent to the shard the guild id maps to, joined or not; DMs go to shard 0.
		this.gateway.dispatch(GatewayDispatchEvents.InteractionCreate, payload, guild?.id);
		return record;
	}

	private async nextCallback(record: InteractionRecord, timeoutMs = this.replyTimeoutMs) {
		await this.waitFor(record, () => record.callbacks.length > 0, timeoutMs, 'an interaction callback');
		const [callback] = record.callbacks;
		if (!callback) {
			throw new Error('fake discord: no callback');
		}
		return callback;
	}

	private async replyOf(record: InteractionRecord, waitMs = this.replyTimeoutMs): Promise<SeenMessage> {
		const callback = await this.nextCallback(record, waitMs);
		switch (callback.type) {
			case InteractionResponseType.ChannelMessageWithSource:
			case InteractionResponseType.UpdateMessage:
				return this.requireMessage(record.original);
			case InteractionResponseType.DeferredChannelMessageWithSource:
			case InteractionResponseType.DeferredMessageUpdate:
				await this.waitFor(record, () => record.edits > 0, waitMs, 'the deferred reply to be edited');
				return this.requireMessage(record.original);
			default:
				throw new Error(`fake discord: unexpected callback type ${callback.type}`);
		}
	}

	private requireMessage(id: string | undefined): SeenMessage {
		const stored = id === undefined ? undefined : this.messages.get(id);
		if (!stored) {
			throw new Error('fake discord: the interaction has no message');
		}
		return seen(stored.message, stored.allowed);
	}

	private async waitFor(
		record: InteractionRecord,
		done: () => boolean,
		timeoutMs: number,
		what: string,
	): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (!done()) {
			const remaining = deadline - Date.now();
			if (remaining <= 0) {
				throw new Error(`fake discord: timed out after ${timeoutMs} ms waiting for ${what}`);
			}
			// Woken by notify() when the interaction changes; no polling, so thousands can wait at once.
			await new Promise<void>((resolve) => {
				const timer = setTimeout(resolve, remaining);
				record.waiters.push(() => {
					clearTimeout(timer);
					resolve();
				});
			});
		}
	}

	private notify(record: InteractionRecord): void {
		for (const waiter of record.waiters.splice(0)) {
			waiter();
		}
	}

	private storeMessage(channelId: string, body: MessageBody, extra: Partial<APIMessage> = {}): APIMessage {
		const message: APIMessage = {
			id: snowflake(),
			channel_id: channelId,
			author: this.botUser,
			content: body.content ?? '',
			timestamp: new Date().toISOString(),
			edited_timestamp: null,
			tts: false,
			mention_everyone: false,
			mentions: [],
			mention_roles: [],
			attachments: [],
			embeds: body.embeds ?? [],
			pinned: false,
			type: MessageType.Default,
			components: body.components ?? [],
			...(body.flags === undefined ? {} : { flags: body.flags }),
			...extra,
		};
		this.messages.set(message.id, { message, allowed: body.allowed_mentions });
		return message;
	}

	private editMessage(id: string, body: MessageBody): APIMessage | undefined {
		const stored = this.messages.get(id);
		if (!stored) {
			return undefined;
		}
		const message: APIMessage = {
			...stored.message,
			...(body.content === undefined ? {} : { content: body.content ?? '' }),
			...(body.embeds === undefined ? {} : { embeds: body.embeds }),
			...(body.components === undefined ? {} : { components: body.components }),
			edited_timestamp: new Date().toISOString(),
		};
		this.messages.set(id, { message, allowed: body.allowed_mentions ?? stored.allowed });
		return message;
	}

	/**
	 * Counts a request against the global limit: `undefined` when it may pass, else the seconds
	 * until the oldest request of the last second leaves the window.
	 */
	private globalRetryAfter(): number | undefined {
		if (this.globalRequestsPerSecond === undefined) {
			return undefined;
		}
		const now = performance.now();
		while ((this.recentRequests[0] ?? now) <= now - 1_000) {
			this.recentRequests.shift();
		}
		if (this.recentRequests.length >= this.globalRequestsPerSecond) {
			return Math.max(0.001, ((this.recentRequests[0] ?? now) + 1_000 - now) / 1_000);
		}
		this.recentRequests.push(now);
		return undefined;
	}

	private interactionCallback(
		record: InteractionRecord,
		body: { type: InteractionResponseType; data?: MessageBody },
	): unknown {
		if (record.callbacks.length > 0) {
			return { status: 400, json: { message: 'Interaction has already been acknowledged.', code: 40060 } };
		}
		record.callbacks.push({ type: body.type, data: body.data });
		this.callbackLatencies.push({
			label: record.label,
			ms: performance.now() - record.dispatchedAt,
			deferred: body.type === InteractionResponseType.DeferredChannelMessageWithSource,
		});
		switch (body.type) {
			case InteractionResponseType.ChannelMessageWithSource:
			case InteractionResponseType.DeferredChannelMessageWithSource:
				record.original = this.storeMessage(record.channelId, body.data ?? {}, {
					type: MessageType.ChatInputCommand,
				}).id;
				break;
			case InteractionResponseType.UpdateMessage:
			case InteractionResponseType.DeferredMessageUpdate: {
				const interaction = this.interactionPayloadMessage(record);
				if (interaction) {
					record.original = interaction;
					if (body.type === InteractionResponseType.UpdateMessage) {
						this.editMessage(interaction, body.data ?? {});
					}
				}
				break;
			}
			default:
				break;
		}
		this.notify(record);
		return undefined;
	}

	/** The message a component interaction was sent from, remembered when it was dispatched. */
	private readonly componentMessages = new Map<string, string>();

	private interactionPayloadMessage(record: InteractionRecord): string | undefined {
		return this.componentMessages.get(record.token);
	}

	// --- REST ----------------------------------------------------------------------------

	private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		const method = request.method ?? 'GET';
		// discord.js sends `@original` percent-encoded, as `%40original`.
		const pathname = decodeURIComponent(url.pathname);
		const path = pathname.startsWith(API_PREFIX) ? pathname.slice(API_PREFIX.length) : pathname;
		const body = await readBody(request);
		const call: RestCall = { method, path, query: url.search, body, status: 0 };
		this.restLog.push(call);

		const send = (status: number, json?: unknown, headers: Record<string, string> = {}): void => {
			call.status = status;
			// Like Discord, a 204 has no body and so no content type.
			response.writeHead(status, json === undefined ? headers : { 'content-type': 'application/json', ...headers });
			response.end(json === undefined ? undefined : JSON.stringify(json));
		};

		const retryAfter = /^\/(?:interactions|webhooks)\//u.test(path) ? undefined : this.globalRetryAfter();
		if (retryAfter !== undefined) {
			send(
				429,
				{ message: 'You are being rate limited.', retry_after: retryAfter, global: true },
				{ 'retry-after': String(Math.ceil(retryAfter)), 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' },
			);
			return;
		}

		const fault = this.faults.find(
			(candidate) => candidate.times > 0 && candidate.path.test(path) && (candidate.method ?? method) === method,
		);
		if (fault) {
			fault.times -= 1;
			if (fault.delayMs !== undefined) {
				await sleep(fault.delayMs);
			}
			if (fault.status === 403 || fault.status === 404) {
				send(fault.status, {
					message: fault.status === 403 ? 'Missing Permissions' : 'Unknown',
					code: fault.code ?? 0,
				});
				return;
			}
			if (fault.status === 429) {
				const retryAfter = fault.retryAfter ?? 0.2;
				send(
					429,
					{ message: 'You are being rate limited.', retry_after: retryAfter, global: false },
					{
						'retry-after': String(Math.ceil(retryAfter)),
						'x-ratelimit-limit': '5',
						'x-ratelimit-remaining': '0',
						'x-ratelimit-reset-after': String(retryAfter),
						'x-ratelimit-bucket': 'fake-bucket',
						'x-ratelimit-scope': 'user',
					},
				);
				return;
			}
			if (fault.status !== undefined) {
				send(fault.status, { message: 'Internal Server Error', code: 0 });
				return;
			}
		}

		const result = this.route(method, path, url.searchParams, body);
		if (result === undefined) {
			this.unknownRoutes.push(call);
			send(404, { message: '404: Not Found', code: 0 });
			return;
		}
		if (fault?.holdResponseMs !== undefined) {
			await sleep(fault.holdResponseMs);
		}
		send(result.status, result.json);
	}

	private route(
		method: string,
		path: string,
		query: URLSearchParams,
		body: unknown,
	): { status: number; json?: unknown } | undefined {
		const ok = (json?: unknown) => ({ status: json === undefined ? 204 : 200, json });
		const notFound = (message: string, code: number) => ({ status: 404, json: { message, code } });
		const forbidden = (message: string, code: number) => ({ status: 403, json: { message, code } });
		let match: RegExpExecArray | null;

		if (method === 'GET' && (path === '/gateway/bot' || path === '/gateway')) {
			return ok({
				url: this.gatewayUrl,
				shards: this.recommendedShards,
				// Large bots identify 16 shards at once; with 1, discord.js would wait 5 s between shards.
				session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 16 },
			});
		}
		if (method === 'GET' && path === '/applications/@me') {
			return ok({ ...this.application, bot: this.botUser, flags: 0, description: '', icon: null });
		}
		if (method === 'GET' && path === '/users/@me') {
			return ok(this.botUser);
		}
		if ((match = /^\/applications\/(\d+)\/commands$/u.exec(path))) {
			if (match[1] !== this.application.id) {
				return notFound('Unknown Application', 10002);
			}
			if (method === 'PUT') {
				const refused = checkCommands(body);
				if (refused) {
					return refused;
				}
				this.globalCommands.splice(0, this.globalCommands.length, ...this.withIds(body));
			}
			return method === 'PUT' || method === 'GET' ? ok(this.globalCommands) : undefined;
		}
		if ((match = /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/u.exec(path))) {
			const guildId = match[2] ?? '';
			if (match[1] !== this.application.id || !this.guilds.some((guild) => guild.id === guildId)) {
				return notFound('Unknown Guild', 10004);
			}
			if (method === 'PUT') {
				const refused = checkCommands(body);
				if (refused) {
					return refused;
				}
				this.guildCommands.set(guildId, this.withIds(body));
			}
			return method === 'PUT' || method === 'GET' ? ok(this.guildCommands.get(guildId) ?? []) : undefined;
		}
		if (method === 'POST' && (match = /^\/interactions\/(\d+)\/([^/]+)\/callback$/u.exec(path))) {
			const record = this.interactions.get(match[2] ?? '');
			if (!record || record.id !== match[1]) {
				return notFound('Unknown interaction', 10062);
			}
			const failure = this.interactionCallback(record, body as { type: InteractionResponseType; data?: MessageBody });
			if (failure) {
				return failure as { status: number; json: unknown };
			}
			if (query.get('with_response') === 'true') {
				const message = record.original === undefined ? undefined : this.messages.get(record.original)?.message;
				return ok({ interaction: { id: record.id, type: 2 }, resource: { type: record.callbacks[0]?.type, message } });
			}
			return ok();
		}
		if ((match = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/(@original|\d+))?$/u.exec(path))) {
			const record = this.interactions.get(match[2] ?? '');
			if (!record || match[1] !== this.application.id) {
				return notFound('Unknown Webhook', 10015);
			}
			const target = match[3] === '@original' ? record.original : match[3];
			if (target === undefined) {
				if (method !== 'POST') {
					return undefined;
				}
				const message = this.storeMessage(record.channelId, body as MessageBody);
				record.followUps.push(message.id);
				this.notify(record);
				return ok(message);
			}
			const stored = this.messages.get(target);
			if (!stored) {
				return notFound('Unknown Message', 10008);
			}
			if (method === 'GET') {
				return ok(stored.message);
			}
			if (method === 'PATCH') {
				const edited = this.editMessage(target, body as MessageBody);
				record.edits += 1;
				this.notify(record);
				return ok(edited);
			}
			if (method === 'DELETE') {
				this.messages.delete(target);
				return ok();
			}
			return undefined;
		}
		if (method === 'POST' && path === '/users/@me/channels') {
			const recipientId = (body as { recipient_id?: unknown }).recipient_id;
			const recipient = typeof recipientId === 'string' ? this.userById(recipientId) : undefined;
			if (!recipient) {
				return notFound('Unknown User', 10013);
			}
			return ok({
				id: this.dmChannelOf(recipient),
				type: ChannelType.DM,
				last_message_id: null,
				recipients: [recipient],
			});
		}
		if (method === 'POST' && (match = /^\/channels\/(\d+)\/messages$/u.exec(path))) {
			const channelId = match[1] ?? '';
			const recipient = [...this.dmChannels].find(([, dm]) => dm === channelId)?.[0];
			if (recipient !== undefined) {
				// Opening a DM channel always works; Discord refuses the message when the member does not take DMs from the bot.
				return this.closedDms.has(recipient)
					? forbidden('Cannot send messages to this user', 50007)
					: ok(this.storeMessage(channelId, body as MessageBody));
			}
		}
		if ((match = /^\/channels\/(\d+)\/messages(?:\/(\d+))?$/u.exec(path))) {
			const channelId = match[1] ?? '';
			if (!this.guildOfChannel(channelId)) {
				// A channel of a server the bot has not joined exists, but the bot cannot see it.
				return this.anyGuildOfChannel(channelId)
					? forbidden('Missing Access', 50001)
					: notFound('Unknown Channel', 10003);
			}
			const permissions = this.botPermissionsIn(channelId);
			if ((permissions & PermissionFlagsBits.ViewChannel) === 0n) {
				return forbidden('Missing Access', 50001);
			}
			if (match[2] === undefined) {
				if (method !== 'POST') {
					return undefined;
				}
				const requested = body as MessageBody;
				if ((permissions & PermissionFlagsBits.SendMessages) === 0n) {
					return forbidden('Missing Permissions', 50013);
				}
				// Without Embed Links, Discord refuses a message that is only embeds, and drops them from one with text.
				const embedsRefused =
					(requested.embeds ?? []).length > 0 && (permissions & PermissionFlagsBits.EmbedLinks) === 0n;
				if (embedsRefused && (requested.content ?? '') === '') {
					return forbidden('Missing Permissions', 50013);
				}
				const message = embedsRefused ? { ...requested, embeds: [] } : requested;
				const duplicate =
					message.enforce_nonce === true && message.nonce !== undefined
						? [...this.messages.values()].find(
								(stored) => stored.message.channel_id === channelId && stored.message.nonce === message.nonce,
							)
						: undefined;
				return ok(
					duplicate?.message ??
						this.storeMessage(channelId, message, message.nonce === undefined ? {} : { nonce: message.nonce }),
				);
			}
			const stored = this.messages.get(match[2]);
			if (stored?.message.channel_id !== channelId) {
				return notFound('Unknown Message', 10008);
			}
			if (method === 'GET') {
				return ok(stored.message);
			}
			if (method === 'PATCH') {
				return ok(this.editMessage(match[2], body as MessageBody));
			}
			return undefined;
		}
		if (method === 'GET' && (match = /^\/channels\/(\d+)$/u.exec(path))) {
			const guild = this.guildOfChannel(match[1] ?? '');
			const channel = guild?.channels.find((candidate) => candidate.id === match?.[1]);
			if (!guild || !channel) {
				return notFound('Unknown Channel', 10003);
			}
			return (this.botPermissionsIn(channel.id) & PermissionFlagsBits.ViewChannel) === 0n
				? forbidden('Missing Access', 50001)
				: ok(channelPayload(channel, guild.id));
		}
		if (method === 'GET' && (match = /^\/guilds\/(\d+)$/u.exec(path))) {
			const guild = this.guilds.find((candidate) => candidate.id === match?.[1]);
			return guild ? ok(guildPayload(guild, this.botUser.id)) : notFound('Unknown Guild', 10004);
		}
		if (method === 'GET' && (match = /^\/guilds\/(\d+)\/members\/(\d+)$/u.exec(path))) {
			const guild = this.guilds.find((candidate) => candidate.id === match?.[1]);
			const member = guild?.members.find((candidate) => candidate.user.id === match?.[2]);
			return member ? ok(memberPayload(member)) : notFound('Unknown Member', 10007);
		}
		if (method === 'GET' && (match = /^\/users\/(\d+)$/u.exec(path))) {
			const user = this.userById(match[1] ?? '');
			return user ? ok(user) : notFound('Unknown User', 10013);
		}
		return undefined;
	}

	private userById(id: string): APIUser | undefined {
		return [...this.guilds, ...this.guildsWithoutBot]
			.flatMap((guild) => guild.members)
			.find((member) => member.user.id === id)?.user;
	}

	private withIds(body: unknown): unknown[] {
		return (Array.isArray(body) ? body : []).map((command: Record<string, unknown>) => ({
			...command,
			id: snowflake(),
			application_id: this.application.id,
			version: snowflake(),
		}));
	}
}
