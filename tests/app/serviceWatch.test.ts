import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { finishStart } from '../../src/app/finishStart.js';
import { retryDelay, ServiceWatch } from '../../src/app/serviceWatch.js';

/** A pino logger whose lines the test reads back. */
function recordingLogger() {
	const lines: { level: number; msg: string; [key: string]: unknown }[] = [];
	const sink = new Writable({
		write(chunk: Buffer, _encoding, done) {
			lines.push(JSON.parse(chunk.toString('utf8')) as (typeof lines)[number]);
			done();
		},
	});
	return { logger: pino({ level: 'info' }, sink), lines };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('ServiceWatch', () => {
	it('warns once when a service goes, reminds at most once a minute, and says once when it is back', async () => {
		const { logger, lines } = recordingLogger();
		let now = 0;
		const watch = new ServiceWatch(logger, () => now);
		const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), { code: 'ECONNREFUSED' });
		for (; now < 150_000; now += 200) {
			watch.down('redis', refused);
		}
		watch.up('redis');
		watch.up('redis');
		await settle();
		expect(lines.map((line) => [line.level, line.msg])).toEqual([
			[40, 'redis is unavailable'],
			[40, 'redis is still unavailable'],
			[40, 'redis is still unavailable'],
			[30, 'redis is back'],
		]);
		expect(lines[0]).toMatchObject({ service: 'redis', error: 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:6379' });
		expect(lines[1]).toMatchObject({ downForSeconds: 60, failures: 301 });
		expect(lines[3]).toMatchObject({ downForSeconds: 150 });
	});

	it('waits 1 s, then twice as long each time, up to the cap', () => {
		expect([1, 2, 3, 4, 5, 6].map((attempt) => retryDelay(attempt, 15_000))).toEqual([
			1_000, 2_000, 4_000, 8_000, 15_000, 15_000,
		]);
	});
});

describe('finishStart', () => {
	const options = (logger: ReturnType<typeof recordingLogger>['logger'], signal = new AbortController().signal) => ({
		watch: new ServiceWatch(logger),
		logger,
		classify: (error: unknown) => ((error as Error).message === 'refused' ? ('postgres' as const) : undefined),
		maxDelayMs: 1,
		signal,
	});

	it('retries a step while its service is away, then runs the next, in order', async () => {
		const { logger, lines } = recordingLogger();
		const ran: string[] = [];
		let failures = 2;
		await finishStart(
			[
				{
					name: 'database',
					run: () => {
						ran.push('database');
						return failures-- > 0 ? Promise.reject(new Error('refused')) : Promise.resolve();
					},
				},
				{ name: 'workers', run: () => Promise.resolve(void ran.push('workers')) },
			],
			options(logger),
		);
		await settle();
		expect(ran).toEqual(['database', 'database', 'database', 'workers']);
		expect(lines.map((line) => line.msg)).toEqual(['postgres is unavailable', 'postgres is back', 'start-up finished']);
	});

	it('rejects on a failure no service explains (a broken migration), without retrying it', async () => {
		const { logger } = recordingLogger();
		let attempts = 0;
		await expect(
			finishStart(
				[{ name: 'database', run: () => Promise.reject(new Error(`migration failed ${String(++attempts)}`)) }],
				options(logger),
			),
		).rejects.toThrow('migration failed 1');
		expect(attempts).toBe(1);
	});

	it('stops trying when the process stops', async () => {
		const { logger } = recordingLogger();
		const stopping = new AbortController();
		let attempts = 0;
		const started = finishStart(
			[
				{
					name: 'database',
					run: () => {
						attempts += 1;
						stopping.abort();
						return Promise.reject(new Error('refused'));
					},
				},
			],
			options(logger, stopping.signal),
		);
		await expect(started).resolves.toBeUndefined();
		expect(attempts).toBe(1);
	});
});
