import {
	ButtonStyle,
	ComponentType,
	type APIActionRowComponent,
	type APIEmbed,
	type APIStringSelectComponent,
} from 'discord.js';
import { isMultiAnswer, type Question } from '../../quiz/questionBank.js';
import { escapeText } from './escape.js';
import { DISCORD_LIMITS, truncate } from './limits.js';
import { button, buttonRows, row, type MessageControl } from './message.js';

/** The letters options are shown under, in the order of the round's shuffle. */
export const OPTION_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

const COUNT_WORDS = ['', 'ONE', 'TWO', 'THREE'] as const;

/** A question as it is shown: its options in a shuffled order, `order[shown]` being the bank index. */
export interface ShownQuestion {
	readonly question: Question;
	readonly order: readonly number[];
}

export function letterOf(shown: number): string {
	return OPTION_LETTERS[shown] ?? '?';
}

function optionAt({ question, order }: ShownQuestion, shown: number) {
	const index = order[shown];
	return index === undefined ? undefined : question.options[index];
}

function isCorrectAt({ question, order }: ShownQuestion, shown: number): boolean {
	const index = order[shown];
	return index !== undefined && question.correct.includes(index);
}

/** `**A.** option text`, one line per option, in the order shown. */
export function optionLines(view: ShownQuestion): string[] {
	return view.order.map((_, shown) => `**${letterOf(shown)}.** ${escapeText(optionAt(view, shown)?.text ?? '')}`);
}

/** The options at these shown positions, as `**A.** text`, joined for a sentence. */
export function optionsAt(view: ShownQuestion, shown: readonly number[]): string {
	return shown
		.map((position) => `**${letterOf(position)}.** ${escapeText(optionAt(view, position)?.text ?? '')}`)
		.join('; ');
}

/** Where the correct options sit as shown, in order. */
export function correctShown(view: ShownQuestion): number[] {
	return view.order.flatMap((_, shown) => (isCorrectAt(view, shown) ? [shown] : []));
}

/**
 * How a member answers: a button per option for a single answer, or a menu that takes exactly
 * as many picks as the question asks for ("Select TWO"), scored all or nothing. Revealed, the
 * buttons are disabled and the correct ones green.
 */
export function answerControls(
	view: ShownQuestion,
	ids: { readonly button: (shown: number) => string; readonly menu: string },
	revealed = false,
): APIActionRowComponent<MessageControl>[] {
	const count = view.question.correct.length;
	if (!revealed && isMultiAnswer(view.question)) {
		const menu: APIStringSelectComponent = {
			type: ComponentType.StringSelect,
			custom_id: ids.menu,
			placeholder: `Pick ${COUNT_WORDS[count] ?? String(count)} options, then close the menu`,
			min_values: count,
			max_values: count,
			options: view.order.map((_, shown) => ({
				label: letterOf(shown),
				value: String(shown),
				description: truncate(optionAt(view, shown)?.text ?? '', DISCORD_LIMITS.selectOptionDescription),
			})),
		};
		return [row([menu])];
	}
	return buttonRows(
		view.order.map((_, shown) =>
			button(ids.button(shown), letterOf(shown), {
				style: revealed && isCorrectAt(view, shown) ? ButtonStyle.Success : ButtonStyle.Primary,
				disabled: revealed,
			}),
		),
	);
}

/**
 * Every option's why, marked right or wrong (and "your pick" where `picked` says so), packed into
 * as few fields as fit Discord's 1,024 characters a field.
 */
export function whyFields(view: ShownQuestion, picked: readonly number[] = []): NonNullable<APIEmbed['fields']> {
	const lines = view.order.map((_, shown) => {
		const mark = isCorrectAt(view, shown) ? '✅' : '❌';
		const yours = picked.includes(shown) ? ' (your pick)' : '';
		return truncate(
			`${mark} **${letterOf(shown)}**${yours}: ${escapeText(optionAt(view, shown)?.why ?? '')}`,
			DISCORD_LIMITS.fieldValue,
		);
	});
	const fields: { name: string; value: string }[] = [];
	for (const line of lines) {
		const last = fields.at(-1);
		if (last && last.value.length + 1 + line.length <= DISCORD_LIMITS.fieldValue) {
			last.value = `${last.value}\n${line}`;
		} else {
			fields.push({ name: fields.length === 0 ? 'Each option' : 'Each option (continued)', value: line });
		}
	}
	return fields;
}
