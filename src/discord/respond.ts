import {
	DiscordAPIError,
	MessageFlags,
	type ButtonInteraction,
	type ChatInputCommandInteraction,
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
 * Replies with what `work` renders. When the work is slower than {@link DEFER_AFTER_MS}, the
 * interaction is acknowledged first (the member sees "thinking…") and the reply edited in when
 * ready, so a slow moment never loses the interaction. `ephemeral` must be known up front: the
 * acknowledgement already decides who sees the reply. The acknowledgement is awaited (and its
 * failure handled) whatever the work does, so no promise is ever left without a handler.
 */
export async function replyWhenReady(
	interaction: ButtonInteraction | StringSelectMenuInteraction | ChatInputCommandInteraction,
	ephemeral: boolean,
	work: () => Promise<RenderedMessage>,
): Promise<void> {
	let deferral: Promise<{ readonly ok: true } | { readonly ok: false; readonly error: unknown }> | undefined;
	const timer = setTimeout(() => {
		deferral = interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {}).then(
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
		await interaction.reply(replyOptions(message));
	} else if (deferred.ok) {
		await interaction.editReply(updateOptions(message));
	} else {
		throw isExpiredInteraction(deferred.error) ? new InteractionExpiredError(deferred.error) : deferred.error;
	}
}
