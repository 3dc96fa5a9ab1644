const DISCORD_EPOCH = 1_420_070_400_000n;
let sequence = 0n;

/** Discord-style ids: increasing, 17 to 20 digits, as real snowflakes are. */
export function snowflake(): string {
	sequence = (sequence + 1n) & 0xfffn;
	return String(((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (1n << 17n) | sequence);
}

/** A snowflake whose guild events belong to `shard` of `shardCount`: Discord shards by `(id >> 22) % count`. */
export function snowflakeOnShard(shard: number, shardCount: number): string {
	const id = BigInt(snowflake());
	const count = BigInt(shardCount);
	const time = id >> 22n;
	return String(((time - (time % count) + BigInt(shard)) << 22n) | (id & 0x3fffffn));
}
