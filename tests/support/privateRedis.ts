import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { Redis } from 'ioredis';
import { freePort } from '../e2e/processRunner.js';
import { eventually } from './eventually.js';

/**
 * A redis-server of the test's own on a spare port, without persistence, that the test can
 * restart (coming back empty, as after a crash). The machine's shared Redis is never touched.
 */
export class PrivateRedis {
	private server: ChildProcess | undefined;
	public port = 0;

	public get url(): string {
		return `redis://127.0.0.1:${String(this.port)}`;
	}

	public async start(): Promise<void> {
		this.port ||= await freePort();
		this.server = spawn(
			'redis-server',
			['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
			{
				stdio: 'ignore',
			},
		);
		await eventually(
			async () => {
				const client = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
				// Refused while the server starts: the failed connect() says so, the event need not.
				client.on('error', () => undefined);
				try {
					await client.connect();
					await client.ping();
					return true;
				} catch {
					return undefined;
				} finally {
					client.disconnect();
				}
			},
			`redis-server on port ${String(this.port)} to answer`,
		);
	}

	public async stop(): Promise<void> {
		const server = this.server;
		this.server = undefined;
		if (server?.exitCode === null && server.signalCode === null) {
			server.kill('SIGKILL');
			await once(server, 'exit');
		}
	}

	/** Kills the server and starts a new, empty one on the same port. */
	public async restart(): Promise<void> {
		await this.stop();
		await this.start();
	}
}
