import {
	MessageFlags,
	type ButtonInteraction,
	type ChatInputCommandInteraction,
	type InteractionReplyOptions,
	type InteractionUpdateOptions,
} from 'discord.js';
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

/**
 * How long an answer may take before the bot tells Discord it is working on it. Discord drops
 * an interaction not acknowledged within 3 seconds; a burst of clicks or a busy database can
 * make the work slower than that.
 */
export const DEFER_AFTER_MS = 2_000;

/**
 * Replies with what `work` renders. When the work is slower than {@link DEFER_AFTER_MS}, the
 * interaction is acknowledged first (the member sees "thinking…") and the reply edited in when
 * ready, so a slow moment never loses the interaction. `ephemeral` must be known up front: the
 * acknowledgement already decides who sees the reply.
 */
export async function replyWhenReady(
	interaction: ButtonInteraction | ChatInputCommandInteraction,
	ephemeral: boolean,
	work: () => Promise<RenderedMessage>,
): Promise<void> {
	let deferral: Promise<unknown> | undefined;
	const timer = setTimeout(() => {
		deferral = interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
	}, DEFER_AFTER_MS);
	let message: RenderedMessage;
	try {
		message = await work();
	} finally {
		clearTimeout(timer);
		await deferral;
	}
	if (deferral) {
		await interaction.editReply(updateOptions(message));
	} else {
		await interaction.reply(replyOptions(message));
	}
}
