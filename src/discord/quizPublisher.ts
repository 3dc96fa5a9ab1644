import {
	DiscordAPIError,
	REST,
	Routes,
	type APIDMChannel,
	type APIGuild,
	type APIGuildChannel,
	type APIGuildMember,
	type APIMessage,
	type APIUser,
} from 'discord.js';
import { PostFailedError, type PostFailure } from '../quiz/postFailure.js';
import { channelPermissions, missingPostingPermissions } from './permissions.js';
import type { ChannelPost } from './render/quizRound.js';

/** How the worker reaches Discord: REST only, no gateway. */
export interface QuizPublisher {
	/**
	 * Posts a message; the same `nonce` within minutes returns the first message, never a second.
	 * Throws a `PostFailedError` when Discord refuses it.
	 */
	post(channelId: string, message: ChannelPost, nonce: string): Promise<string>;
	edit(channelId: string, messageId: string, message: ChannelPost): Promise<void>;
	/** Sends a member a DM; `dm-closed` when Discord refuses it (the member takes no DMs from the bot). */
	directMessage(userId: string, message: ChannelPost): Promise<'sent' | 'dm-closed'>;
}

function body(message: ChannelPost) {
	return {
		content: message.content ?? '',
		embeds: message.embeds,
		components: message.components,
		allowed_mentions: { parse: [], roles: [...message.allowedRoleIds], users: [] },
	};
}

/** Discord's JSON error codes that mean the bot may not post there, or there is no "there". */
const MISSING_ACCESS = 50_001;
const MISSING_PERMISSIONS = 50_013;
const UNKNOWN_CHANNEL = 10_003;
/** "Cannot send messages to this user": DMs closed, no server shared, or the bot blocked. */
const CANNOT_MESSAGE_USER = 50_007;

export function createRestPublisher(config: { token: string; apiUrl: string | undefined }): QuizPublisher {
	const rest = new REST(config.apiUrl === undefined ? {} : { api: config.apiUrl }).setToken(config.token);
	let botUserId: Promise<string> | undefined;

	/** What the bot lacks to post in the channel, read fresh from Discord; empty when it cannot tell. */
	async function missingInChannel(channelId: string): Promise<string[]> {
		try {
			botUserId ??= (rest.get(Routes.user('@me')) as Promise<APIUser>).then((user) => user.id);
			const channel = (await rest.get(Routes.channel(channelId))) as APIGuildChannel;
			const guildId = channel.guild_id ?? '';
			const [guild, member] = await Promise.all([
				rest.get(Routes.guild(guildId)) as Promise<APIGuild>,
				rest.get(Routes.guildMember(guildId, await botUserId)) as Promise<APIGuildMember>,
			]);
			return missingPostingPermissions(
				channelPermissions({
					guildId,
					ownerId: guild.owner_id,
					roles: guild.roles,
					member: { id: await botUserId, roles: member.roles },
					overwrites: channel.permission_overwrites ?? [],
				}),
			);
		} catch (error) {
			// A channel the bot cannot see cannot be read either: that is the missing permission.
			return error instanceof DiscordAPIError && error.code === MISSING_ACCESS ? ['View Channel'] : [];
		}
	}

	/** Discord's refusal in the quiz's own words; anything else (5xx, network) is left to retry. */
	async function failureOf(error: unknown, channelId: string): Promise<PostFailure | undefined> {
		if (!(error instanceof DiscordAPIError)) {
			return undefined;
		}
		if (error.code === MISSING_ACCESS || error.code === MISSING_PERMISSIONS) {
			return { kind: 'missing-access', missing: await missingInChannel(channelId) };
		}
		if (error.code === UNKNOWN_CHANNEL) {
			return { kind: 'channel-gone' };
		}
		return error.status >= 400 && error.status < 500 && error.status !== 429
			? { kind: 'rejected', detail: `${error.message} (${String(error.code)})` }
			: undefined;
	}

	return {
		async post(channelId, message, nonce) {
			try {
				const posted = (await rest.post(Routes.channelMessages(channelId), {
					body: { ...body(message), nonce, enforce_nonce: true },
				})) as APIMessage;
				return posted.id;
			} catch (error) {
				const failure = await failureOf(error, channelId);
				throw failure ? new PostFailedError(failure) : error;
			}
		},
		async edit(channelId, messageId, message) {
			await rest.patch(Routes.channelMessage(channelId, messageId), { body: body(message) });
		},
		async directMessage(userId, message) {
			try {
				const channel = (await rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as APIDMChannel;
				await rest.post(Routes.channelMessages(channel.id), { body: body(message) });
				return 'sent';
			} catch (error) {
				if (error instanceof DiscordAPIError && error.code === CANNOT_MESSAGE_USER) {
					return 'dm-closed';
				}
				throw error;
			}
		},
	};
}
