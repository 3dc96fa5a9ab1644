import type { ButtonInteraction, StringSelectMenuInteraction } from 'discord.js';

/**
 * The options an answer picked, by their positions as shown: a button's one `choice`, or a
 * "Select TWO/THREE" menu's values; a value that is not a position (a forged one) makes the
 * answer empty, which the use case refuses as invalid.
 */
export function shownPicks(
	interaction: ButtonInteraction | StringSelectMenuInteraction,
	id: { readonly action: string; readonly choice?: number },
): number[] {
	if (id.action === 'answer' && id.choice !== undefined) {
		return [id.choice];
	}
	const values = interaction.isStringSelectMenu() ? interaction.values : [];
	return values.every((value) => /^[0-5]$/u.test(value)) ? values.map(Number) : [];
}
