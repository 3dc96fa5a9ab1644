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
}

export interface FakeRole {
	readonly id: string;
	readonly name: string;
	readonly permissions: bigint;
	readonly position: number;
}

export interface FakeChannel {
	readonly id: string;
	readonly name: string;
	readonly type: ChannelType;
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
		channels: [{ id: snowflake(), name: 'study-hall', type: ChannelType.GuildText }],
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
		permission_overwrites: [],
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
