import { describe, expect, it } from 'vitest';
import { QuizJob, readQuizJob, UnknownJobError } from '../../src/jobs/quizQueue.js';

describe('readQuizJob', () => {
	it('reads each job of the quiz queue into its request', () => {
		expect(
			readQuizJob({
				name: QuizJob.post,
				data: { guildId: '1', scheduledFor: '2026-03-10T08:00:00.000Z', manual: true },
			}),
		).toEqual({
			name: 'post-round',
			data: { guildId: '1', scheduledFor: '2026-03-10T08:00:00.000Z', manual: true },
		});
		expect(readQuizJob({ name: QuizJob.close, data: { roundId: 7 } })).toEqual({
			name: 'close-round',
			data: { roundId: 7 },
		});
		expect(readQuizJob({ name: QuizJob.recap, data: { guildId: '1' } })).toEqual({
			name: 'weekly-recap',
			data: { guildId: '1' },
		});
	});

	it.each([
		['an unknown name', { name: 'mine-bitcoin', data: {} }, /"mine-bitcoin" is not a job of this version/u],
		['a post without a guild', { name: QuizJob.post, data: {} }, /"post-round" has bad data/u],
		['a close of round "7"', { name: QuizJob.close, data: { roundId: '7' } }, /"close-round" has bad data/u],
		[
			'a recap at no instant',
			{ name: QuizJob.recap, data: { guildId: '1', scheduledFor: 'tomorrow' } },
			/"weekly-recap" has bad data/u,
		],
	])('refuses %s with a message that names the job', (_, job, message) => {
		expect(() => readQuizJob(job)).toThrow(UnknownJobError);
		expect(() => readQuizJob(job)).toThrow(message);
	});
});
