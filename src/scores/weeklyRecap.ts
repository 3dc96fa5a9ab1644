import { localDate } from '../time/zonedTime.js';
import { getLeaderboard, whoAnsweredLatest, type LeaderboardRow } from './leaderboard.js';
import { liveStreak, periodStart } from './rules.js';
import type { ScoreDependencies } from './scoreDependencies.js';
import type { HardestQuestion } from './scoreStore.js';

export interface WeeklyRecap {
	readonly guildId: string;
	/** Local date of the week's Monday. */
	readonly weekOf: string;
	readonly top: readonly LeaderboardRow[];
	/** Members on the longest streaks that are still alive. */
	readonly streaks: readonly { readonly userId: string; readonly name: string; readonly streak: number }[];
	readonly hardest: HardestQuestion | undefined;
}

const TOP_MEMBERS = 5;
const TOP_STREAKS = 3;
/** Recorded streaks read to find the live ones: most of the longest are still running. */
const STREAK_CANDIDATES = 50;

/** The week so far in a guild, as of `at`: its top members, its longest live streaks, its hardest question. */
export async function getWeeklyRecap(
	deps: Pick<ScoreDependencies, 'scores' | 'clock'>,
	options: { readonly guildId: string; readonly timeZone: string; readonly at: Date },
): Promise<WeeklyRecap> {
	const { scores } = deps;
	const weekStart = periodStart('week', options.at, options.timeZone) ?? options.at;
	const [week, holders, recent, hardest] = await Promise.all([
		getLeaderboard(deps, { guildId: options.guildId, period: 'week', page: 0, readerId: '' }, options.at),
		scores.streakHolders(options.guildId, STREAK_CANDIDATES),
		scores.recentRounds(options.guildId, options.at),
		scores.hardestQuestion(options.guildId, weekStart, options.at),
	]);
	const answered = await whoAnsweredLatest(
		scores,
		recent,
		holders.map((holder) => holder.userId),
	);
	const streaks = holders
		.map((holder) => ({
			userId: holder.userId,
			name: holder.name ?? `member ${holder.userId}`,
			streak: liveStreak(holder.streak, recent, answered.has(holder.userId)),
		}))
		.filter((entry) => entry.streak > 0)
		.slice(0, TOP_STREAKS);
	return {
		guildId: options.guildId,
		weekOf: localDate(weekStart, options.timeZone),
		top: week.rows.slice(0, TOP_MEMBERS),
		streaks,
		hardest,
	};
}

export type PostWeeklyRecapOutcome =
	| { readonly status: 'posted'; readonly weekOf: string }
	| { readonly status: 'off' }
	| { readonly status: 'no-settings' };

/** The weekly recap job: posts the week so far in the quiz channel, when the recap is on. */
export async function postWeeklyRecap(
	deps: ScoreDependencies,
	request: { readonly guildId: string; readonly scheduledFor: Date },
): Promise<PostWeeklyRecapOutcome> {
	const settings = await deps.quizStore.getSettings(request.guildId);
	if (!settings) {
		return { status: 'no-settings' };
	}
	if (settings.status !== 'active' || !settings.recapEnabled) {
		return { status: 'off' };
	}
	const recap = await getWeeklyRecap(deps, {
		guildId: settings.guildId,
		timeZone: settings.timezone,
		at: request.scheduledFor,
	});
	const hardest = recap.hardest && deps.bank.get(recap.hardest.questionId);
	await deps.recapAnnouncer.postWeeklyRecap(settings, recap, hardest);
	return { status: 'posted', weekOf: recap.weekOf };
}
