import type { APIEmbed } from 'discord.js';

/** Discord's limits on what a message may carry. */
export const DISCORD_LIMITS = {
	embedTitle: 256,
	embedDescription: 4096,
	embedFields: 25,
	fieldName: 256,
	fieldValue: 1024,
	footerText: 2048,
	authorName: 256,
	embedTotal: 6000,
	content: 2000,
	autocompleteChoices: 25,
	choiceName: 100,
	choiceValue: 100,
	customId: 100,
	buttonLabel: 80,
	selectOptionDescription: 100,
} as const;

const ELLIPSIS = '…';

/** Cuts text to `limit` characters with an ellipsis, never leaving a dangling escape backslash. */
export function truncate(text: string, limit: number): string {
	if (text.length <= limit) {
		return text;
	}
	let cut = text.slice(0, Math.max(0, limit - ELLIPSIS.length)).trimEnd();
	const trailingBackslashes = /\\+$/u.exec(cut)?.[0].length ?? 0;
	if (trailingBackslashes % 2 === 1) {
		cut = cut.slice(0, -1);
	}
	if (/[\uD800-\uDBFF]$/u.test(cut)) {
		cut = cut.slice(0, -1);
	}
	return `${cut}${ELLIPSIS}`;
}

export function embedLength(embed: APIEmbed): number {
	return (
		(embed.title?.length ?? 0) +
		(embed.description?.length ?? 0) +
		(embed.footer?.text.length ?? 0) +
		(embed.author?.name.length ?? 0) +
		(embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
	);
}

interface TextPart {
	readonly text: string;
	set(text: string): void;
}

function textParts(embed: APIEmbed): TextPart[] {
	const parts: TextPart[] = [];
	const { description, title, author, footer } = embed;
	if (description !== undefined) {
		parts.push({ text: description, set: (text) => (embed.description = text) });
	}
	for (const [index, field] of (embed.fields ?? []).entries()) {
		parts.push({ text: field.value, set: (text) => embed.fields?.splice(index, 1, { ...field, value: text }) });
		parts.push({ text: field.name, set: (text) => embed.fields?.splice(index, 1, { ...field, name: text }) });
	}
	if (title !== undefined) {
		parts.push({ text: title, set: (text) => (embed.title = text) });
	}
	if (author !== undefined) {
		parts.push({ text: author.name, set: (text) => (embed.author = { ...author, name: text }) });
	}
	if (footer !== undefined) {
		parts.push({ text: footer.text, set: (text) => (embed.footer = { ...footer, text }) });
	}
	return parts;
}

/** Shortens the longest parts of an embed until the whole is under Discord's total limit. */
function shrinkToTotal(embed: APIEmbed): void {
	let excess = embedLength(embed) - DISCORD_LIMITS.embedTotal;
	while (excess > 0) {
		const longest = textParts(embed).reduce<TextPart | undefined>(
			(best, part) => (part.text.length > (best?.text.length ?? 1) ? part : best),
			undefined,
		);
		if (longest) {
			longest.set(truncate(longest.text, Math.max(1, longest.text.length - excess)));
		} else if ((embed.fields?.length ?? 0) > 0) {
			embed.fields?.pop();
		} else {
			return;
		}
		excess = embedLength(embed) - DISCORD_LIMITS.embedTotal;
	}
}

/**
 * Makes an embed fit every limit Discord sets: each part is cut to its own limit, then the
 * longest parts (in practice the description and field values) are shortened until the whole
 * is under 6,000 characters.
 */
export function fitEmbed(embed: APIEmbed): APIEmbed {
	const fitted: APIEmbed = {
		...embed,
		...(embed.title === undefined ? {} : { title: truncate(embed.title, DISCORD_LIMITS.embedTitle) }),
		...(embed.description === undefined
			? {}
			: { description: truncate(embed.description, DISCORD_LIMITS.embedDescription) }),
		...(embed.footer === undefined
			? {}
			: { footer: { ...embed.footer, text: truncate(embed.footer.text, DISCORD_LIMITS.footerText) } }),
		...(embed.author === undefined
			? {}
			: { author: { ...embed.author, name: truncate(embed.author.name, DISCORD_LIMITS.authorName) } }),
		...(embed.fields === undefined
			? {}
			: {
					fields: embed.fields.slice(0, DISCORD_LIMITS.embedFields).map((field) => ({
						...field,
						name: truncate(field.name, DISCORD_LIMITS.fieldName),
						value: truncate(field.value, DISCORD_LIMITS.fieldValue),
					})),
				}),
	};
	shrinkToTotal(fitted);
	return fitted;
}
