import type { APIApplicationCommandOptionChoice } from 'discord.js';
import type { NoteSection } from '../../notes/types.js';
import { DISCORD_LIMITS, truncate } from './limits.js';

type Choice = APIApplicationCommandOptionChoice<string>;

/** `Title — File title`, cut to Discord's 100 characters; autocomplete shows plain text. */
function sectionLabel(section: NoteSection): string {
	return truncate(`${section.title} — ${section.breadcrumb[0] ?? ''}`, DISCORD_LIMITS.choiceName);
}

/** For `/note topic`: the section's id is the value, so a pick opens exactly that section. */
export function sectionChoices(sections: readonly NoteSection[]): Choice[] {
	return sections.slice(0, DISCORD_LIMITS.autocompleteChoices).map((section) => ({
		name: sectionLabel(section),
		value: section.id,
	}));
}

/**
 * For `/search query`: what was typed comes first (when it fits in a choice), then matching
 * section titles, each searching for that title.
 */
export function queryChoices(typed: string, sections: readonly NoteSection[]): Choice[] {
	const choices: Choice[] = [];
	const seen = new Set<string>();
	const add = (name: string, value: string): void => {
		const key = value.toLowerCase();
		if (value !== '' && value.length <= DISCORD_LIMITS.choiceValue && !seen.has(key)) {
			seen.add(key);
			choices.push({ name: truncate(name, DISCORD_LIMITS.choiceName), value });
		}
	};
	add(`🔎 ${typed}`, typed);
	for (const section of sections) {
		add(sectionLabel(section), section.title);
	}
	return choices.slice(0, DISCORD_LIMITS.autocompleteChoices);
}
