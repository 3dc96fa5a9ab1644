import type { Question } from '../../quiz/questionBank.js';
import { accuracy } from '../../scores/rules.js';
import type { WeeklyRecap } from '../../scores/weeklyRecap.js';
import { escapeText } from './escape.js';
import { fitEmbed, truncate } from './limits.js';
import { COLOURS } from './message.js';
import type { ChannelPost } from './quizRound.js';

/** The weekly recap as posted in the quiz channel; it names members but pings nobody. */
export function renderWeeklyRecap(recap: WeeklyRecap, hardest: Question | undefined): ChannelPost {
	const top = recap.top.map(
		(entry) =>
			`**${entry.rank}.** ${escapeText(truncate(entry.name, 40))} — **${entry.points}** pts (${entry.correct}/${entry.answers} right)`,
	);
	const streaks = recap.streaks.map((entry) => `🔥 ${entry.streak} · ${escapeText(truncate(entry.name, 40))}`);
	const hardestText =
		hardest && recap.hardest
			? `${escapeText(truncate(hardest.prompt, 300))}\n${hardest.correct.length > 1 ? 'Answers' : 'Answer'}: ${hardest.correct.map((index) => `**${escapeText(hardest.options[index]?.text ?? '')}**`).join('; ')} · ${Math.round(100 * accuracy(recap.hardest.correct, recap.hardest.answers))}% of ${recap.hardest.answers} got it right`
			: 'No question was answered this week.';
	return {
		embeds: [
			fitEmbed({
				title: `📅 Weekly recap · week of ${recap.weekOf}`,
				color: COLOURS.brand,
				fields: [
					{
						name: 'Top members',
						value: top.length > 0 ? top.join('\n') : 'Nobody scored this week. There is always next week!',
					},
					{ name: 'Longest streaks', value: streaks.length > 0 ? streaks.join('\n') : 'No streak running right now.' },
					{ name: 'Hardest question', value: hardestText },
				],
				footer: { text: 'See the full board with /leaderboard, and your progress with /stats.' },
			}),
		],
		components: [],
		allowedRoleIds: [],
	};
}
