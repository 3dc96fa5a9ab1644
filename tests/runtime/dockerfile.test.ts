import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRuntimeSteps, runtimeSteps } from './dockerfile.js';

describe("the Dockerfile's runtime stage, as the layout check reads it", () => {
	it('copies the package files, the build output, the migrations and the content, and installs production dependencies', async () => {
		const steps = await readRuntimeSteps(path.resolve(import.meta.dirname, '../../Dockerfile'));
		expect(steps).toEqual([
			{ kind: 'env', name: 'NODE_ENV', value: 'production' },
			{ kind: 'copy', from: 'context', sources: ['package.json', 'package-lock.json'], target: './' },
			{
				kind: 'run',
				command: 'npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund && npm cache clean --force',
			},
			{ kind: 'copy', from: 'build', sources: ['dist'], target: './dist' },
			{ kind: 'copy', from: 'context', sources: ['prisma'], target: './prisma' },
			{ kind: 'copy', from: 'context', sources: ['content'], target: './content' },
			{ kind: 'env', name: 'HEALTH_PORT', value: '8080' },
		]);
	});

	it('stops at the next stage and refuses what it cannot repeat', () => {
		const stage = (body: string) =>
			`FROM node:20 AS build\nRUN make\nFROM node:20 AS runtime\n${body}\nFROM node:20 AS later\nRUN other`;
		expect(runtimeSteps(stage('RUN npm ci \\\n  --omit=dev'))).toEqual([{ kind: 'run', command: 'npm ci --omit=dev' }]);
		expect(() => runtimeSteps(stage('ADD https://example.com/x.tgz /x'))).toThrow(
			/does not know the instruction "ADD"/u,
		);
		expect(() => runtimeSteps(stage('COPY --chown=node src ./src'))).toThrow(/cannot repeat/u);
		expect(() => runtimeSteps('FROM node:20 AS build')).toThrow(/no stage "runtime"/u);
	});
});
