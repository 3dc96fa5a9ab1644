import { ChannelType, PermissionFlagsBits, type APIUser } from 'discord-api-types/v10';
import { snowflake } from './snowflake.js';

/**
 * Gateway and REST payloads are JSON sent to the real client: they are written as plain
 * objects with the fields Discord sends, not checked against every enum of discord-api-types.
 */
type Payload = Record<string, unknown>;

/** A member of a test guild: who they are and what they may do. */
export interface FakeMember {
	readonly user: APIUser;
	readonly permissions: bigint;
	readonly roles: readonly string[];
	/** The member's nickname in this server, when they set one. */
	readonly nick?: string;
}

export interface FakeRole {
	readonly id: string;
	readonly name: string;
	readonly permissions: bigint;
	readonly position: number;
}

/** A channel permission overwrite, as Discord keeps it: for a role (type 0) or a member (type 1). */
export interface FakeOverwrite {
	readonly id: string;
	readonly type: 0 | 1;
	readonly allow: bigint;
	readonly deny: bigint;
}

export interface FakeChannel {
	readonly id: string;
	readonly name: string;
	readonly type: ChannelType;
	/** Changed with `FakeDiscord.setPermissionOverwrite`, which tells the gateway (CHANNEL_UPDATE). */
	readonly overwrites: FakeOverwrite[];
}

export interface FakeGuild {
	readonly id: string;
	readonly name: string;
	readonly roles: readonly FakeRole[];
	readonly channels: readonly FakeChannel[];
	readonly members: readonly FakeMember[];
}

export function fakeUser(name: string, bot = false): APIUser {
	return { id: snowflake(), username: name, global_name: name, discriminator: '0', avatar: null, bot };
}

const MEMBER_PERMISSIONS =
	PermissionFlagsBits.ViewChannel |
	PermissionFlagsBits.SendMessages |
	PermissionFlagsBits.EmbedLinks |
	PermissionFlagsBits.ReadMessageHistory |
	PermissionFlagsBits.UseApplicationCommands;

export const PERMISSIONS = {
	member: MEMBER_PERMISSIONS,
	manager: MEMBER_PERMISSIONS | PermissionFlagsBits.ManageGuild,
	bot: MEMBER_PERMISSIONS | PermissionFlagsBits.MentionEveryone,
} as const;

/** A guild with a text channel, a study role, the bot, an ordinary member and a manager. */
export function fakeGuild(name: string, bot: APIUser, id = snowflake()): FakeGuild {
	const studyRoleId = snowflake();
	return {
		id,
		name,
		roles: [
			{ id, name: '@everyone', permissions: PERMISSIONS.member, position: 0 },
			{ id: studyRoleId, name: 'Studying', permissions: 0n, position: 1 },
		],
		channels: [
			{ id: snowflake(), name: 'study-hall', type: ChannelType.GuildText, overwrites: [] },
			{ id: snowflake(), name: 'staff', type: ChannelType.GuildText, overwrites: [] },
		],
		members: [
			{ user: bot, permissions: PERMISSIONS.bot, roles: [] },
			{ user: fakeUser('ana'), permissions: PERMISSIONS.member, roles: [studyRoleId] },
			{ user: fakeUser('manager'), permissions: PERMISSIONS.manager, roles: [] },
		],
	};
}

export function rolePayload(role: FakeRole): Payload {
	return {
		id: role.id,
		name: role.name,
		colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
		hoist: false,
		icon: null,
		unicode_emoji: null,
		position: role.position,
		permissions: String(role.permissions),
		managed: false,
		mentionable: true,
		flags: 0,
	};
}

export function channelPayload(channel: FakeChannel, guildId: string): Payload {
	return {
		id: channel.id,
		type: channel.type,
		guild_id: guildId,
		name: channel.name,
		position: 0,
		permission_overwrites: channel.overwrites.map((overwrite) => ({
			id: overwrite.id,
			type: overwrite.type,
			allow: String(overwrite.allow),
			deny: String(overwrite.deny),
		})),
		nsfw: false,
		topic: null,
		last_message_id: null,
		rate_limit_per_user: 0,
		parent_id: null,
		flags: 0,
	};
}

export function memberPayload(member: FakeMember): Payload {
	return {
		user: member.user,
		nick: member.nick ?? null,
		roles: [...member.roles],
		joined_at: new Date(0).toISOString(),
		deaf: false,
		mute: false,
		flags: 0,
		permissions: String(member.permissions),
	};
}

/** The GUILD_CREATE payload the gateway sends for a guild (also what GET /guilds/:id answers). */
export function guildPayload(guild: FakeGuild, botUserId: string): Payload {
	return {
		id: guild.id,
		name: guild.name,
		icon: null,
		splash: null,
		discovery_splash: null,
		owner_id: guild.members[2]?.user.id ?? botUserId,
		afk_channel_id: null,
		afk_timeout: 60,
		verification_level: 0,
		default_message_notifications: 0,
		explicit_content_filter: 0,
		roles: guild.roles.map(rolePayload),
		emojis: [],
		features: [],
		mfa_level: 0,
		application_id: null,
		system_channel_id: null,
		system_channel_flags: 0,
		rules_channel_id: null,
		vanity_url_code: null,
		description: null,
		banner: null,
		premium_tier: 0,
		preferred_locale: 'en-US',
		public_updates_channel_id: null,
		nsfw_level: 0,
		stickers: [],
		premium_progress_bar_enabled: false,
		safety_alerts_channel_id: null,
		joined_at: new Date(0).toISOString(),
		large: false,
		unavailable: false,
		member_count: guild.members.length,
		members: guild.members.filter((member) => member.user.id === botUserId).map(memberPayload),
		channels: guild.channels.map((channel) => channelPayload(channel, guild.id)),
		threads: [],
		presences: [],
		voice_states: [],
		stage_instances: [],
		guild_scheduled_events: [],
		soundboard_sounds: [],
	};
}

/**
 * A member's permissions in a channel, as Discord computes them (API docs, "Permissions":
 * computing base permissions, then permission overwrites): the owner and administrators have all;
 * else @everyone's and the member's roles' permissions, then the @everyone overwrite, then the
 * member's roles' overwrites together, then the member's own overwrite.
 */
export function permissionsIn(guild: FakeGuild, channel: FakeChannel, member: FakeMember): bigint {
	const ownerId = guild.members[2]?.user.id;
	if (member.user.id === ownerId) {
		return ~0n;
	}
	const everyone = guild.roles.find((role) => role.id === guild.id)?.permissions ?? 0n;
	let permissions = guild.roles
		.filter((role) => member.roles.includes(role.id))
		.reduce((all, role) => all | role.permissions, everyone);
	if ((permissions & PermissionFlagsBits.Administrator) !== 0n) {
		return ~0n;
	}
	const everyoneOverwrite = channel.overwrites.find((overwrite) => overwrite.id === guild.id);
	if (everyoneOverwrite) {
		permissions = (permissions & ~everyoneOverwrite.deny) | everyoneOverwrite.allow;
	}
	let allow = 0n;
	let deny = 0n;
	for (const overwrite of channel.overwrites) {
		if (overwrite.type === 0 && overwrite.id !== guild.id && member.roles.includes(overwrite.id)) {
			allow |= overwrite.allow;
			deny |= overwrite.deny;
		}
	}
	permissions = (permissions & ~deny) | allow;
	const own = channel.overwrites.find((overwrite) => overwrite.type === 1 && overwrite.id === member.user.id);
	return own ? (permissions & ~own.deny) | own.allow : permissions;
}
