import { ComponentType, type APIEmbed } from 'discord-api-types/v10';
import { expect } from 'vitest';
import { expectEmbedWithinLimits } from '../discord/assertions.js';
import type { FakeDiscord, SeenMessage } from './fakeDiscord/FakeDiscord.js';
import type { FakeMember } from './fakeDiscord/world.js';

interface SeenButton {
	readonly customId: string;
	readonly label: string;
	readonly disabled: boolean;
}

export function buttonsOf(message: SeenMessage): SeenButton[] {
	return message.components.flatMap((row) =>
		row.components.flatMap((component) =>
			'custom_id' in component
				? [
						{
							customId: component.custom_id,
							label: 'label' in component ? (component.label ?? '') : '',
							disabled: component.disabled === true,
						},
					]
				: [],
		),
	);
}

export function button(message: SeenMessage, label: string): string {
	const found = buttonsOf(message).find((candidate) => candidate.label === label);
	if (!found) {
		throw new Error(
			`no button "${label}" in ${JSON.stringify(buttonsOf(message).map((candidate) => candidate.label))}`,
		);
	}
	return found.customId;
}

export function firstEmbed(message: SeenMessage): APIEmbed {
	const [embed] = message.embeds;
	if (!embed) {
		throw new Error(`message ${message.id} has no embed: ${JSON.stringify(message.raw)}`);
	}
	return embed;
}

/** Private to the person who asked, within Discord's limits, pinging nobody. */
export function expectPrivate(message: SeenMessage): void {
	expect(message.ephemeral, 'the reply should be private (ephemeral)').toBe(true);
	expectClean(message);
}

export function expectClean(message: SeenMessage): void {
	expect(message.pings, 'nobody may be pinged').toEqual([]);
	for (const embed of message.embeds) {
		expectEmbedWithinLimits(embed);
	}
	expect(message.content.length).toBeLessThanOrEqual(2000);
}

/** Every way of choosing `size` of `values`, in order. */
function combinations(values: readonly string[], size: number): string[][] {
	if (size === 0) {
		return [[]];
	}
	return values.flatMap((value, position) =>
		combinations(values.slice(position + 1), size - 1).map((rest) => [value, ...rest]),
	);
}

/**
 * A member answers a posted question as it asks: the `index`-th button of a single-answer
 * question, or the `index`-th of every set of as many menu options as a "Select TWO/THREE"
 * question takes (the day's question depends on the server's random id, so a crowd must be
 * able to get any question right).
 */
export function answerQuestion(
	discord: FakeDiscord,
	question: SeenMessage,
	index: number,
	member?: FakeMember,
): Promise<SeenMessage & { readonly updatedInPlace: boolean }> {
	const menu = question.components
		.flatMap((row) => row.components)
		.find((component) => component.type === ComponentType.StringSelect);
	if (menu?.type !== ComponentType.StringSelect) {
		const buttons = buttonsOf(question);
		return discord.click(question, buttons[index % buttons.length]?.customId ?? '', member);
	}
	const picks = combinations(
		menu.options.map((option) => option.value),
		menu.min_values ?? 1,
	);
	return discord.select(question, menu.custom_id, picks[index % picks.length] ?? [], member);
}
