import { getLeaderboard, type LeaderboardRequest } from './leaderboard.js';
import { getMemberProgress, type MemberProgressRequest } from './memberProgress.js';
import type { ScoreDependencies } from './scoreDependencies.js';
import { postWeeklyRecap } from './weeklyRecap.js';

/** The scores' use cases with their dependencies bound: what the transports call. */
export function createScoreUseCases(deps: ScoreDependencies) {
	return {
		leaderboard: (request: LeaderboardRequest) => getLeaderboard(deps, request),
		memberProgress: (request: MemberProgressRequest) => getMemberProgress(deps, request),
		postWeeklyRecap: (request: { readonly guildId: string; readonly scheduledFor: Date }) =>
			postWeeklyRecap(deps, request),
	};
}

export type ScoreUseCases = ReturnType<typeof createScoreUseCases>;
