import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The process's Prometheus metrics; one registry per process (and per test app). */
export class Metrics {
	public readonly registry = new Registry();

	public readonly interactions = new Counter({
		name: 'studybot_interactions_total',
		help: 'Interactions answered, by command (or button feature) and outcome',
		labelNames: ['command', 'outcome'] as const,
		registers: [this.registry],
	});

	public readonly interactionSeconds = new Histogram({
		name: 'studybot_interaction_duration_seconds',
		help: 'Time from receiving an interaction to having answered it',
		labelNames: ['kind'] as const,
		buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
		registers: [this.registry],
	});

	public readonly jobs = new Counter({
		name: 'studybot_jobs_total',
		help: 'Queue jobs finished, by queue, job name and outcome',
		labelNames: ['queue', 'name', 'outcome'] as const,
		registers: [this.registry],
	});

	public readonly searchSeconds = new Histogram({
		name: 'studybot_search_duration_seconds',
		help: 'Time to rank the notes for a query',
		buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05],
		registers: [this.registry],
	});

	public readonly queueDepth = new Gauge({
		name: 'studybot_queue_jobs',
		help: 'Jobs in the queue, by state (read at scrape time)',
		labelNames: ['queue', 'state'] as const,
		registers: [this.registry],
	});

	public readonly gatewayPing = new Gauge({
		name: 'studybot_gateway_ping_milliseconds',
		help: 'Discord gateway heartbeat round trip (-1 before the first heartbeat)',
		registers: [this.registry],
	});

	public readonly guilds = new Gauge({
		name: 'studybot_guilds',
		help: 'Guilds this process receives from Discord, by gateway shard (read at scrape time)',
		labelNames: ['shard'] as const,
		registers: [this.registry],
	});

	public constructor() {
		collectDefaultMetrics({ register: this.registry, prefix: 'studybot_' });
	}
}
