import { GatewayDispatchEvents, GatewayOpcodes } from 'discord-api-types/v10';
import type { WebSocket } from 'ws';
import { snowflake } from './snowflake.js';

interface Session {
	readonly id: string;
	/** `[shard id, shard count]` as sent in IDENTIFY. */
	readonly shard: readonly [number, number];
	seq: number;
	socket: WebSocket | undefined;
	/** Dispatches sent while no socket was attached, replayed on RESUME. */
	readonly backlog: { seq: number; payload: string }[];
}

export interface GatewayHooks {
	/** READY and the payloads to dispatch after it (the GUILD_CREATEs) for a fresh IDENTIFY of a shard. */
	onIdentify(shard: readonly [number, number]): {
		ready: Record<string, unknown>;
		afterReady: readonly { t: string; d: unknown }[];
	};
}

/** Discord's rule: a guild's events go to shard `(guild_id >> 22) % shard_count`; DMs to shard 0. */
export function shardOf(guildId: string | undefined, shardCount: number): number {
	return guildId === undefined ? 0 : Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

export interface GatewayStats {
	connections: number;
	identifies: number;
	resumes: number;
	heartbeats: number;
}

/**
 * The gateway side of the fake: HELLO, IDENTIFY/READY, heartbeats, RESUME and dispatches, with
 * sharding: each session identifies as one shard and receives only its guilds' events.
 */
export class FakeGateway {
	public readonly stats: GatewayStats = { connections: 0, identifies: 0, resumes: 0, heartbeats: 0 };
	/** In order of their last IDENTIFY or RESUME: the latest live session of a shard gets its events. */
	private readonly sessions = new Map<string, Session>();
	private readonly readyWaiters: (() => void)[] = [];

	public constructor(
		private readonly hooks: GatewayHooks,
		private readonly heartbeatInterval = 41_250,
	) {}

	public get connected(): boolean {
		return this.target(undefined)?.socket?.readyState === 1;
	}

	/** The shards connected now, as `id/count`. */
	public get liveShards(): string[] {
		return [...this.sessions.values()]
			.filter((session) => session.socket?.readyState === 1)
			.map((session) => `${String(session.shard[0])}/${String(session.shard[1])}`)
			.sort();
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
		});
	}

	/**
	 * Sends an event to the shard that owns the guild (shard 0 without one), or keeps it for a
	 * RESUME while that shard's connection is down.
	 */
	public dispatch(t: string, d: unknown, guildId?: string): void {
		const session = this.target(guildId);
		if (!session) {
			throw new Error('fake gateway: no shard of the bot has identified for this guild');
		}
		this.send(session, t, d);
	}

	/** Like {@link dispatch}, for state changes: with no bot session for the guild, there is nobody to tell. */
	public dispatchIfIdentified(t: string, d: unknown, guildId: string): void {
		const session = this.target(guildId);
		if (session) {
			this.send(session, t, d);
		}
	}

	/** Cuts every connection without a close frame, as a network failure would. */
	public drop(): void {
		for (const session of this.sessions.values()) {
			session.socket?.terminate();
		}
	}

	/** Tells the bot its session is gone; it must identify again. */
	public invalidateSession(): void {
		const session = this.target(undefined);
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
				this.identify(socket, payload.d as { shard?: [number, number] });
				return;
			case GatewayOpcodes.Resume:
				this.resume(socket, payload.d as { session_id: string; seq: number });
				return;
			default:
				return;
		}
	}

	/**
	 * The session that gets a guild's events: of the sessions identified as the guild's shard,
	 * the live one seen last (another process of the same bot keeps receiving when one closes),
	 * else the last one, which keeps the events for its RESUME.
	 */
	private target(guildId: string | undefined): Session | undefined {
		const owners = [...this.sessions.values()].filter(
			(session) => session.shard[0] === shardOf(guildId, session.shard[1]),
		);
		return owners.findLast((session) => session.socket?.readyState === 1) ?? owners.at(-1);
	}

	private send(session: Session, t: string, d: unknown): void {
		session.seq += 1;
		const payload = JSON.stringify({ op: GatewayOpcodes.Dispatch, t, s: session.seq, d });
		if (session.socket?.readyState === 1) {
			session.socket.send(payload);
		} else {
			session.backlog.push({ seq: session.seq, payload });
		}
	}

	private identify(socket: WebSocket, request: { shard?: [number, number] }): void {
		this.stats.identifies += 1;
		const shard = request.shard ?? [0, 1];
		const session: Session = { id: snowflake(), shard, seq: 0, socket, backlog: [] };
		this.sessions.set(session.id, session);
		const { ready, afterReady } = this.hooks.onIdentify(shard);
		this.send(session, GatewayDispatchEvents.Ready, { ...ready, session_id: session.id, shard });
		for (const event of afterReady) {
			this.send(session, event.t, event.d);
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
		this.sessions.delete(session.id);
		this.sessions.set(session.id, session);
		for (const missed of session.backlog.splice(0)) {
			if (missed.seq > request.seq) {
				socket.send(missed.payload);
			}
		}
		this.send(session, GatewayDispatchEvents.Resumed, {});
		this.connectedNow();
	}
}
