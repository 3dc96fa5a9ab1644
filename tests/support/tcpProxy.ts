import { once } from 'node:events';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { Transform } from 'node:stream';

/**
 * A TCP proxy the test controls, between the app and Postgres or Redis: `cut()` drops every
 * connection and refuses new ones, `restore()` accepts again on the same port. The machine's
 * shared services are never touched.
 */
export class TcpProxy {
	private server: Server | undefined;
	private readonly sockets = new Set<Socket>();
	public port = 0;
	/** Added to every chunk on its way to the service, as a slow or distant network would. */
	public delayMs = 0;

	public constructor(
		private readonly targetHost: string,
		private readonly targetPort: number,
	) {}

	public async start(): Promise<void> {
		const server = createServer((client) => {
			const upstream = connect(this.targetPort, this.targetHost);
			for (const socket of [client, upstream]) {
				this.sockets.add(socket);
				socket.on('close', () => this.sockets.delete(socket));
				socket.on('error', () => {
					client.destroy();
					upstream.destroy();
				});
			}
			client
				.pipe(
					new Transform({
						transform: (chunk: Buffer, _encoding, done) => {
							setTimeout(() => {
								done(null, chunk);
							}, this.delayMs);
						},
					}),
				)
				.pipe(upstream)
				.pipe(client);
		});
		server.listen(this.port, '127.0.0.1');
		await once(server, 'listening');
		const address = server.address();
		this.port = typeof address === 'object' && address ? address.port : this.port;
		this.server = server;
	}

	public async cut(): Promise<void> {
		const server = this.server;
		this.server = undefined;
		for (const socket of this.sockets) {
			socket.destroy();
		}
		if (server) {
			await new Promise<void>((resolve) => {
				server.close(() => {
					resolve();
				});
			});
		}
	}

	public restore(): Promise<void> {
		return this.start();
	}

	public async stop(): Promise<void> {
		await this.cut();
	}
}

/** The URL of a service (Postgres or Redis) as reached through a started proxy. */
export function throughProxy(serviceUrl: string, proxy: TcpProxy): string {
	const proxied = new URL(serviceUrl);
	proxied.port = String(proxy.port);
	return proxied.toString();
}
