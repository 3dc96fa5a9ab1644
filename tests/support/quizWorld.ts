import { Redis } from 'ioredis';
import { createPrismaClient, type PrismaClient } from '../../src/db/client.js';
import { PrismaQuizStore } from '../../src/db/quizStore.js';
import { PrismaScoreStore } from '../../src/db/scoreStore.js';
import { PrismaStudyStore } from '../../src/db/studyStore.js';
import { BullReminderQueue, createStudyQueue } from '../../src/jobs/studyQueue.js';
import type { ReminderSender } from '../../src/study/reminderSender.js';
import type { StudyUseCases } from '../../src/study/studyUseCases.js';
import type { Queue } from 'bullmq';
import { BullQuizScheduler } from '../../src/jobs/bullQuizScheduler.js';
import { createQuizQueue } from '../../src/jobs/quizQueue.js';
import { PostFailedError, type PostFailure } from '../../src/quiz/postFailure.js';
import { QuestionBank, type Question } from '../../src/quiz/questionBank.js';
export { testQuestion } from './questions.js';
import type { QuizAnnouncer } from '../../src/quiz/quizAnnouncer.js';
import type { QuizUseCases } from '../../src/quiz/quizUseCases.js';
import type { QuizRound, RoundStats } from '../../src/quiz/rounds.js';
import type { QuizSettings, QuizSettingsInput } from '../../src/quiz/settings.js';
import type { RecapAnnouncer } from '../../src/scores/recapAnnouncer.js';
import type { ScoreUseCases } from '../../src/scores/scoreUseCases.js';
import { createUseCases } from '../../src/app/useCases.js';
import type { WeeklyRecap } from '../../src/scores/weeklyRecap.js';
import { createTestDatabase, createTestPrefix, REDIS_URL } from './services.js';

/** An announcer that keeps what it was asked to show: the channel side of the quiz, in memory. */
export class RecordingAnnouncer implements QuizAnnouncer, RecapAnnouncer, ReminderSender {
	public readonly posts: { round: QuizRound; question: Question; settings: QuizSettings }[] = [];
	public readonly reveals: { round: QuizRound; stats: RoundStats }[] = [];
	public readonly recaps: { settings: QuizSettings; recap: WeeklyRecap; hardest: Question | undefined }[] = [];
	/** Makes the next posts fail, as a Discord outage would. */
	public failPosts = 0;

	public postQuestion(round: QuizRound, question: Question, settings: QuizSettings): Promise<string> {
		if (this.failPosts > 0) {
			this.failPosts -= 1;
			return Promise.reject(new Error('Discord is down'));
		}
		if (this.refusePosts) {
			return Promise.reject(new PostFailedError(this.refusePosts));
		}
		this.posts.push({ round, question, settings });
		return Promise.resolve(`message-${round.id}`);
	}

	public readonly reports: { settings: QuizSettings; failure: PostFailure }[] = [];
	/** Makes the next posts fail with this, as Discord refusing them would. */
	public refusePosts: PostFailure | undefined;

	public reportPostFailure(settings: QuizSettings, _round: QuizRound, failure: PostFailure): Promise<void> {
		this.reports.push({ settings, failure });
		return Promise.resolve();
	}

	public revealAnswer(round: QuizRound, _question: Question, stats: RoundStats): Promise<void> {
		this.reveals.push({ round, stats });
		return Promise.resolve();
	}

	public postWeeklyRecap(settings: QuizSettings, recap: WeeklyRecap, hardest: Question | undefined): Promise<void> {
		this.recaps.push({ settings, recap, hardest });
		return Promise.resolve();
	}

	public readonly reminders: { userId: string; dueCards: number }[] = [];
	/** Members whose DMs are closed: Discord refuses a DM to them. */
	public readonly closedDms = new Set<string>();

	public sendReviewReminder(userId: string, dueCards: number): Promise<'sent' | 'dm-closed'> {
		if (this.closedDms.has(userId)) {
			return Promise.resolve('dm-closed');
		}
		this.reminders.push({ userId, dueCards });
		return Promise.resolve('sent');
	}
}

/** The quiz's and the study's use cases on a real Postgres database and a real Redis prefix of the test's own. */
export interface QuizWorld {
	readonly prisma: PrismaClient;
	readonly store: PrismaQuizStore;
	readonly scheduler: BullQuizScheduler;
	readonly queue: ReturnType<typeof createQuizQueue>;
	readonly announcer: RecordingAnnouncer;
	readonly quiz: QuizUseCases;
	readonly scores: ScoreUseCases;
	readonly study: StudyUseCases;
	readonly studyStore: PrismaStudyStore;
	readonly studyQueue: Queue;
	/** What the use cases take as the current time. */
	now: Date;
	/** Runs when a use case waits (post-now waiting for its post): the test plays the worker here. */
	onPause: (() => Promise<void>) | undefined;
	/** Sets a guild up and returns its settings. */
	setUp(input: QuizSettingsInput): Promise<QuizSettings>;
	/** Posts the guild's round of `date` at `postedAt`; members answer a minute apart (true: right). */
	playRound(guildId: string, postedAt: Date, answers: Readonly<Record<string, boolean>>): Promise<QuizRound>;
	close(): Promise<void>;
}

export async function createQuizWorld(questions: readonly Question[]): Promise<QuizWorld> {
	const database = await createTestDatabase();
	const prefix = createTestPrefix();
	const prisma = createPrismaClient(database.url);
	const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
	const queue = createQuizQueue(redis, prefix.prefix);
	const store = new PrismaQuizStore(prisma);
	const scheduler = new BullQuizScheduler(queue);
	const announcer = new RecordingAnnouncer();
	const bank = new QuestionBank(questions);
	let now = new Date('2026-03-10T08:00:00Z');
	const clock = () => new Date(now.getTime());
	const studyQueue = createStudyQueue(redis, prefix.prefix);
	const studyStore = new PrismaStudyStore(prisma);
	const { quiz, scores, study } = createUseCases({
		store,
		scheduler,
		announcer,
		scoreStore: new PrismaScoreStore(prisma),
		recapAnnouncer: announcer,
		bank,
		clock,
		readRound: (roundId) => store.getRound(roundId),
		pause: () => world.onPause?.() ?? Promise.resolve(),
		studyStore,
		reminderQueue: new BullReminderQueue(studyQueue),
		reminderSender: announcer,
	});
	const world: QuizWorld = {
		prisma,
		store,
		scheduler,
		queue,
		announcer,
		quiz,
		scores,
		study,
		studyStore,
		studyQueue,
		onPause: undefined,
		get now() {
			return now;
		},
		set now(instant) {
			now = instant;
		},
		async setUp(input) {
			const settings = await store.saveSettings(input);
			await scheduler.scheduleGuild(settings);
			return settings;
		},
		async playRound(guildId, postedAt, answers) {
			world.now = postedAt;
			const outcome = await world.quiz.postDueRound({ guildId, scheduledFor: postedAt, manual: false, attempt: 1 });
			if (outcome.status !== 'posted') {
				throw new Error(`the round of ${postedAt.toISOString()} was not posted: ${outcome.status}`);
			}
			const { round, question } = outcome;
			const shownRight = round.optionOrder.indexOf(question.correct[0] ?? 0);
			let minute = 0;
			for (const [userId, right] of Object.entries(answers)) {
				minute += 1;
				world.now = new Date(postedAt.getTime() + minute * 60_000);
				const answer = await world.quiz.answer({
					roundId: round.id,
					guildId,
					userId,
					displayName: `name-${userId.slice(-2)}`,
					shownIndices: [right ? shownRight : (shownRight + 1) % round.optionOrder.length],
				});
				if (answer.status !== 'recorded') {
					throw new Error(`${userId}'s answer was not recorded: ${answer.status}`);
				}
			}
			return round;
		},
		async close() {
			await queue.close();
			await studyQueue.close();
			redis.disconnect();
			await prisma.$disconnect();
			await prefix.clear();
			await database.drop();
		},
	};
	return world;
}
