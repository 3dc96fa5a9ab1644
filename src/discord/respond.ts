import {
	DiscordAPIError,
	MessageFlags,
	type ButtonInteraction,
	type ChatInputCommandInteraction,
	type MessageContextMenuCommandInteraction,
	type StringSelectMenuInteraction,
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

/** Discord's code for an interaction token that expired (not acknowledged within 3 s, or already gone). */
const UNKNOWN_INTERACTION = 10_062;

/** The interaction expired before it could be answered: nobody is waiting for the reply any more. */
export class InteractionExpiredError extends Error {
	public constructor(cause: unknown) {
		super('the interaction expired before it could be answered', { cause });
		this.name = 'InteractionExpiredError';
	}
}

/** True for an error that means Discord no longer takes an answer to this interaction. */
export function isExpiredInteraction(error: unknown): boolean {
	return (
		error instanceof InteractionExpiredError || (error instanceof DiscordAPIError && error.code === UNKNOWN_INTERACTION)
	);
}

/**
 * Answers with what `work` renders. When the work is slower than {@link DEFER_AFTER_MS}, the
 * interaction is acknowledged first and the answer edited in when ready, so a slow moment never
 * loses the interaction. The acknowledgement is awaited (and its failure handled) whatever the
 * work does, so no promise is ever left without a handler.
 */
async function answerWhenReady(
	acknowledge: () => Promise<unknown>,
	answer: (message: RenderedMessage) => Promise<unknown>,
	editIn: (message: RenderedMessage) => Promise<unknown>,
	work: () => Promise<RenderedMessage>,
): Promise<void> {
	let deferral: Promise<{ readonly ok: true } | { readonly ok: false; readonly error: unknown }> | undefined;
	const timer = setTimeout(() => {
		deferral = acknowledge().then(
			() => ({ ok: true }) as const,
			(error: unknown) => ({ ok: false, error }) as const,
		);
	}, DEFER_AFTER_MS);
	let message: RenderedMessage;
	let deferred: Awaited<NonNullable<typeof deferral>> | undefined;
	try {
		message = await work();
	} finally {
		clearTimeout(timer);
		deferred = await deferral;
	}
	if (deferred === undefined) {
		await answer(message);
	} else if (deferred.ok) {
		await editIn(message);
	} else {
		throw isExpiredInteraction(deferred.error) ? new InteractionExpiredError(deferred.error) : deferred.error;
	}
}

/**
 * Replies with what `work` renders (the member sees "thinking…" if it is slow). `ephemeral`
 * must be known up front: the acknowledgement already decides who sees the reply.
 */
export function replyWhenReady(
	interaction:
		| ButtonInteraction
		| StringSelectMenuInteraction
		| ChatInputCommandInteraction
		| MessageContextMenuCommandInteraction,
	ephemeral: boolean,
	work: () => Promise<RenderedMessage>,
): Promise<void> {
	return answerWhenReady(
		() => interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
		(message) => interaction.reply(replyOptions(message)),
		(message) => interaction.editReply(updateOptions(message)),
		work,
	);
}

/** Replaces the message a button or menu is on with what `work` renders (acknowledged first if it is slow). */
export function updateWhenReady(
	interaction: ButtonInteraction | StringSelectMenuInteraction,
	work: () => Promise<RenderedMessage>,
): Promise<void> {
	return answerWhenReady(
		() => interaction.deferUpdate(),
		(message) => interaction.update(updateOptions(message)),
		(message) => interaction.editReply(updateOptions(message)),
		work,
	);
}
