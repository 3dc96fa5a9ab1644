import { MessageFlags, type InteractionReplyOptions, type InteractionUpdateOptions } from 'discord.js';
import type { RenderedMessage } from './render/message.js';

/** Nothing the bot sends may ping: not @everyone, not roles, not users. */
const NO_PINGS = { parse: [], users: [], roles: [], repliedUser: false } as const;

export function replyOptions(message: RenderedMessage): InteractionReplyOptions {
	return {
		...(message.content === undefined ? {} : { content: message.content }),
		embeds: [...message.embeds],
		components: [...message.components],
		allowedMentions: { ...NO_PINGS, parse: [...NO_PINGS.parse] },
		...(message.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
	};
}

export function updateOptions(message: RenderedMessage): InteractionUpdateOptions {
	return {
		content: message.content ?? null,
		embeds: [...message.embeds],
		components: [...message.components],
		allowedMentions: { ...NO_PINGS, parse: [...NO_PINGS.parse] },
	};
}
