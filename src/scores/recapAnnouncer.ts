import type { Question } from '../quiz/questionBank.js';
import type { QuizSettings } from '../quiz/settings.js';
import type { WeeklyRecap } from './weeklyRecap.js';

/** How the weekly recap reaches a guild (Discord REST in production: `src/discord`). */
export interface RecapAnnouncer {
	/** Posts the recap in the quiz channel; posting the same guild's week again posts nothing new. */
	postWeeklyRecap(settings: QuizSettings, recap: WeeklyRecap, hardest: Question | undefined): Promise<void>;
}
