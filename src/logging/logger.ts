import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

export function createLogger(level: string, name = 'studybot'): Logger {
	return pino({
		name,
		level,
		redact: { paths: ['token', '*.token', 'config.token', 'headers.authorization'], censor: '[redacted]' },
	});
}
