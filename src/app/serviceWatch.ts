import type { Logger } from '../logging/logger.js';

/** The services a process depends on, by the names `/readyz` uses. */
export type ServiceName = 'postgres' | 'redis';

/** While a service stays away, a reminder at most this often. */
const REMINDER_EVERY_MS = 60_000;

interface Outage {
	readonly since: number;
	lastLogged: number;
	failures: number;
}

function summary(error: unknown): string {
	if (error instanceof Error) {
		const code = (error as { code?: unknown }).code;
		return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
	}
	return String(error);
}

/**
 * What the log says about a service going away: one warning when it goes, at most one
 * reminder a minute while it stays away (with how many attempts failed since), one info line
 * when it is back. Every library error about it is routed here instead of being printed raw.
 */
export class ServiceWatch {
	private readonly outages = new Map<ServiceName, Outage>();

	public constructor(
		private readonly logger: Logger,
		private readonly now: () => number = () => Date.now(),
	) {}

	public down(service: ServiceName, error: unknown, what?: string): void {
		const now = this.now();
		const outage = this.outages.get(service);
		if (!outage) {
			this.outages.set(service, { since: now, lastLogged: now, failures: 1 });
			this.logger.warn(
				{ service, error: summary(error), ...(what ? { during: what } : {}) },
				`${service} is unavailable`,
			);
			return;
		}
		outage.failures += 1;
		if (now - outage.lastLogged >= REMINDER_EVERY_MS) {
			outage.lastLogged = now;
			this.logger.warn(
				{
					service,
					error: summary(error),
					downForSeconds: Math.round((now - outage.since) / 1000),
					failures: outage.failures,
				},
				`${service} is still unavailable`,
			);
		}
	}

	public up(service: ServiceName): void {
		const outage = this.outages.get(service);
		if (!outage) {
			return;
		}
		this.outages.delete(service);
		this.logger.info({ service, downForSeconds: Math.round((this.now() - outage.since) / 1000) }, `${service} is back`);
	}
}

/** Waits between attempts: 1 s, doubling, at most `maxMs`. */
export function retryDelay(attempt: number, maxMs: number): number {
	return Math.min(maxMs, 1_000 * 2 ** Math.max(0, attempt - 1));
}
