import { GatewayDispatchEvents, GatewayOpcodes } from 'discord-api-types/v10';
import type { WebSocket } from 'ws';
import { snowflake } from './snowflake.js';

interface Session {
	readonly id: string;
	seq: number;
	socket: WebSocket | undefined;
	/** Dispatches sent while no socket was attached, replayed on RESUME. */
	readonly backlog: { seq: number; payload: string }[];
}

export interface GatewayHooks {
	/** Payloads to dispatch after READY on a fresh IDENTIFY (the GUILD_CREATEs). */
	onIdentify(): { ready: Record<string, unknown>; afterReady: readonly { t: string; d: unknown }[] };
}

export interface GatewayStats {
	connections: number;
	identifies: number;
	resumes: number;
	heartbeats: number;
}

/** The gateway side of the fake: HELLO, IDENTIFY/READY, heartbeats, RESUME and dispatches. */
export class FakeGateway {
	public readonly stats: GatewayStats = { connections: 0, identifies: 0, resumes: 0, heartbeats: 0 };
	private readonly sessions = new Map<string, Session>();
	private current: Session | undefined;
	private readonly readyWaiters: (() => void)[] = [];

	public constructor(
		private readonly hooks: GatewayHooks,
		private readonly heartbeatInterval = 41_250,
	) {}

	public get connected(): boolean {
		return this.current?.socket?.readyState === 1;
	}

	public accept(socket: WebSocket): void {
		this.stats.connections += 1;
		socket.send(
			JSON.stringify({ op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.heartbeatInterval }, s: null, t: null }),
		);
		socket.on('message', (raw: Buffer) => {
			this.receive(socket, JSON.parse(raw.toString('utf8')) as { op: GatewayOpcodes; d: unknown });
		});
		socket.on('close', () => {
			for (const session of this.sessions.values()) {
				if (session.socket === socket) {
					session.socket = undefined;
				}
			}
			// Another client of the same bot (a second process) keeps receiving events.
			const live = [...this.sessions.values()].reverse().find((session) => session.socket?.readyState === 1);
			if (live && this.current?.socket === undefined) {
				this.current = live;
			}
		});
	}

	/** Sends an event to the bot, or keeps it for a RESUME while the connection is down. */
	public dispatch(t: string, d: unknown): void {
		const session = this.current;
		if (!session) {
			throw new Error('fake gateway: the bot has not identified yet');
		}
		session.seq += 1;
		const payload = JSON.stringify({ op: GatewayOpcodes.Dispatch, t, s: session.seq, d });
		if (session.socket?.readyState === 1) {
			session.socket.send(payload);
		} else {
			session.backlog.push({ seq: session.seq, payload });
		}
	}

	/** Cuts the connection without a close frame, as a network failure would. */
	public drop(): void {
		this.current?.socket?.terminate();
	}

	/** Tells the bot its session is gone; it must identify again. */
	public invalidateSession(): void {
		const session = this.current;
		if (session?.socket) {
			session.socket.send(JSON.stringify({ op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null }));
			this.sessions.delete(session.id);
		}
	}

	/** Resolves once the bot is connected (identified or resumed) again. */
	public async waitUntilConnected(timeoutMs = 10_000): Promise<void> {
		if (this.connected) {
			return;
		}
		await new Promise<void>((resolve, reject) => {
			const timer = setTimeout(() => {
				reject(new Error(`fake gateway: the bot did not connect within ${timeoutMs} ms`));
			}, timeoutMs);
			this.readyWaiters.push(() => {
				clearTimeout(timer);
				resolve();
			});
		});
	}

	private connectedNow(): void {
		for (const waiter of this.readyWaiters.splice(0)) {
			waiter();
		}
	}

	private receive(socket: WebSocket, payload: { op: GatewayOpcodes; d: unknown }): void {
		switch (payload.op) {
			case GatewayOpcodes.Heartbeat:
				this.stats.heartbeats += 1;
				socket.send(JSON.stringify({ op: GatewayOpcodes.HeartbeatAck, d: null, s: null, t: null }));
				return;
			case GatewayOpcodes.Identify:
				this.identify(socket);
				return;
			case GatewayOpcodes.Resume:
				this.resume(socket, payload.d as { session_id: string; seq: number });
				return;
			default:
				return;
		}
	}

	private identify(socket: WebSocket): void {
		this.stats.identifies += 1;
		const session: Session = { id: snowflake(), seq: 0, socket, backlog: [] };
		this.sessions.set(session.id, session);
		this.current = session;
		const { ready, afterReady } = this.hooks.onIdentify();
		this.dispatch(GatewayDispatchEvents.Ready, { ...ready, session_id: session.id });
		for (const event of afterReady) {
			this.dispatch(event.t, event.d);
		}
		this.connectedNow();
	}

	private resume(socket: WebSocket, request: { session_id: string; seq: number }): void {
		const session = this.sessions.get(request.session_id);
		if (!session) {
			socket.send(JSON.stringify({ op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null }));
			return;
		}
		this.stats.resumes += 1;
		session.socket = socket;
		this.current = session;
		for (const missed of session.backlog.splice(0)) {
			if (missed.seq > request.seq) {
				socket.send(missed.payload);
			}
		}
		this.dispatch(GatewayDispatchEvents.Resumed, {});
		this.connectedNow();
	}
}
