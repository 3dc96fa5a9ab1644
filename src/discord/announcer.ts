import { createHash } from 'node:crypto';
import type { PostFailure } from '../quiz/postFailure.js';
import type { Question } from '../quiz/questionBank.js';
import type { QuizAnnouncer } from '../quiz/quizAnnouncer.js';
import type { QuizRound, RoundStats } from '../quiz/rounds.js';
import type { QuizSettings } from '../quiz/settings.js';
import type { RecapAnnouncer } from '../scores/recapAnnouncer.js';
import type { WeeklyRecap } from '../scores/weeklyRecap.js';
import type { ReminderSender } from '../study/reminderSender.js';
import type { QuizPublisher } from './quizPublisher.js';
import { renderPostFailureReport } from './render/quizAdmin.js';
import { renderQuizPost, renderQuizReveal } from './render/quizRound.js';
import { renderReviewReminder } from './render/study.js';
import { renderWeeklyRecap } from './render/weeklyRecap.js';

/** Discord takes nonces of at most 25 characters. */
function nonceOf(text: string): string {
	return createHash('sha256').update(text).digest('hex').slice(0, 25);
}

/**
 * The quiz as members see it in their channels: questions, reveals and recaps rendered and sent
 * over REST; and the review reminders, by DM. Discord's `enforce_nonce` turns a retried post into the first message.
 */
export class DiscordAnnouncer implements QuizAnnouncer, RecapAnnouncer, ReminderSender {
	public constructor(private readonly publisher: QuizPublisher) {}

	public async postQuestion(round: QuizRound, question: Question, settings: QuizSettings): Promise<string> {
		return this.publisher.post(
			settings.channelId,
			renderQuizPost(question, round, settings.roleId),
			`studybot-quiz-${round.id}`,
		);
	}

	public async revealAnswer(
		round: QuizRound & { readonly messageId: string },
		question: Question,
		stats: RoundStats,
	): Promise<void> {
		await this.publisher.edit(round.channelId, round.messageId, renderQuizReveal(question, round, stats));
	}

	public async postWeeklyRecap(
		settings: QuizSettings,
		recap: WeeklyRecap,
		hardest: Question | undefined,
	): Promise<void> {
		await this.publisher.post(
			settings.channelId,
			renderWeeklyRecap(recap, hardest),
			nonceOf(`recap:${settings.guildId}:${recap.weekOf}`),
		);
	}

	public async reportPostFailure(
		settings: QuizSettings & { readonly adminChannelId: string },
		round: QuizRound,
		failure: PostFailure,
	): Promise<void> {
		await this.publisher.post(
			settings.adminChannelId,
			renderPostFailureReport(settings, round, failure),
			nonceOf(`post-failure:${round.id}`),
		);
	}

	public sendReviewReminder(userId: string, dueCards: number): Promise<'sent' | 'dm-closed'> {
		return this.publisher.directMessage(userId, renderReviewReminder(dueCards));
	}
}
