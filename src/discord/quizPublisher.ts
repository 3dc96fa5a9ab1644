import { REST, Routes, type APIMessage } from 'discord.js';
import type { ChannelPost } from './render/quizRound.js';

/** How the worker reaches Discord: REST only, no gateway. */
export interface QuizPublisher {
	/** Posts a message; the same `nonce` within minutes returns the first message, never a second. */
	post(channelId: string, message: ChannelPost, nonce: string): Promise<string>;
	edit(channelId: string, messageId: string, message: ChannelPost): Promise<void>;
}

function body(message: ChannelPost) {
	return {
		content: message.content ?? '',
		embeds: message.embeds,
		components: message.components,
		allowed_mentions: { parse: [], roles: [...message.allowedRoleIds], users: [] },
	};
}

export function createRestPublisher(config: { token: string; apiUrl: string | undefined }): QuizPublisher {
	const rest = new REST(config.apiUrl === undefined ? {} : { api: config.apiUrl }).setToken(config.token);
	return {
		async post(channelId, message, nonce) {
			const posted = (await rest.post(Routes.channelMessages(channelId), {
				body: { ...body(message), nonce, enforce_nonce: true },
			})) as APIMessage;
			return posted.id;
		},
		async edit(channelId, messageId, message) {
			await rest.patch(Routes.channelMessage(channelId, messageId), { body: body(message) });
		},
	};
}
