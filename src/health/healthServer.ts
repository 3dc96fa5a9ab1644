import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logging/logger.js';
import type { Metrics } from './metrics.js';

/** One dependency the process needs to do its work, and how to tell it answers. */
export interface ReadinessCheck {
	readonly name: string;
	check(): Promise<boolean>;
}

const CHECK_TIMEOUT_MS = 2_000;

async function passes(check: ReadinessCheck): Promise<boolean> {
	let timer: NodeJS.Timeout | undefined;
	try {
		return await Promise.race([
			check.check(),
			new Promise<boolean>((resolve) => {
				timer = setTimeout(() => {
					resolve(false);
				}, CHECK_TIMEOUT_MS);
			}),
		]);
	} catch {
		return false;
	} finally {
		clearTimeout(timer);
	}
}

export interface HealthServer {
	readonly port: number;
	close(): Promise<void>;
}

/**
 * `/healthz` (the process is up), `/readyz` (every dependency answers: 200 or 503 with which
 * failed) and `/metrics` (Prometheus text), on one small HTTP server.
 */
export async function startHealthServer(options: {
	port: number;
	checks: readonly ReadinessCheck[];
	metrics: Metrics;
	beforeScrape?: () => Promise<void>;
	logger: Logger;
}): Promise<HealthServer> {
	const server: Server = createServer((request, response) => {
		const path = new URL(request.url ?? '/', 'http://localhost').pathname;
		const send = (status: number, body: string, type = 'application/json'): void => {
			response.writeHead(status, { 'content-type': type });
			response.end(body);
		};
		void (async () => {
			if (path === '/healthz') {
				send(200, JSON.stringify({ status: 'ok' }));
			} else if (path === '/readyz') {
				const results = await Promise.all(
					options.checks.map(async (check) => [check.name, await passes(check)] as const),
				);
				const ready = results.every(([, ok]) => ok);
				send(ready ? 200 : 503, JSON.stringify({ ready, checks: Object.fromEntries(results) }));
			} else if (path === '/metrics') {
				await options.beforeScrape?.().catch((error: unknown) => {
					options.logger.warn({ err: error }, 'could not refresh metrics before a scrape');
				});
				send(200, await options.metrics.registry.metrics(), options.metrics.registry.contentType);
			} else {
				send(404, JSON.stringify({ error: 'not found' }));
			}
		})().catch((error: unknown) => {
			options.logger.error({ err: error, path }, 'health endpoint failed');
			send(500, JSON.stringify({ error: 'internal error' }));
		});
	});
	await new Promise<void>((resolve) => server.listen(options.port, resolve));
	return {
		port: (server.address() as AddressInfo).port,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => {
					resolve();
				});
			}),
	};
}
