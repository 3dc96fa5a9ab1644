import { readFile } from 'node:fs/promises';

/** One step of the image's runtime stage, as the layout check repeats it without Docker. */
export type RuntimeStep =
	| {
			readonly kind: 'copy';
			readonly from: 'context' | 'build';
			readonly sources: readonly string[];
			readonly target: string;
	  }
	| { readonly kind: 'run'; readonly command: string }
	| { readonly kind: 'env'; readonly name: string; readonly value: string };

/** Instructions that shape the container but not the files in it, so the check has nothing to repeat. */
const NOT_FILES = new Set(['WORKDIR', 'USER', 'EXPOSE', 'HEALTHCHECK', 'ENTRYPOINT', 'CMD', 'LABEL']);

/** Joins `\`-continued lines and drops comments and blank lines. */
function instructions(dockerfile: string): string[] {
	return dockerfile
		.replace(/\\\n/gu, ' ')
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line !== '' && !line.startsWith('#'));
}

/**
 * Reads the stage named `stage` of a Dockerfile into the steps that decide what its files are:
 * COPY (from the build context, or from the build stage), RUN and ENV. The Dockerfile stays the
 * one list of what the image holds; an instruction the check cannot repeat is an error.
 */
export function runtimeSteps(dockerfile: string, stage = 'runtime'): RuntimeStep[] {
	const lines = instructions(dockerfile);
	const start = lines.findIndex((line) => new RegExp(`^FROM\\s+\\S+\\s+AS\\s+${stage}$`, 'iu').test(line));
	if (start < 0) {
		throw new Error(`the Dockerfile has no stage "${stage}"`);
	}
	const steps: RuntimeStep[] = [];
	for (const line of lines.slice(start + 1)) {
		const [instruction = '', ...rest] = line.split(/\s+/u);
		const keyword = instruction.toUpperCase();
		if (keyword === 'FROM') {
			break;
		}
		if (keyword === 'COPY') {
			const fromBuild = rest[0]?.startsWith('--from=') === true;
			const paths = fromBuild ? rest.slice(1) : rest;
			if (paths.some((part) => part.startsWith('--')) || paths.length < 2) {
				throw new Error(`the layout check cannot repeat "${line}"`);
			}
			steps.push({
				kind: 'copy',
				from: fromBuild ? 'build' : 'context',
				sources: paths.slice(0, -1).map((source) => source.replace(/^\/app\//u, '')),
				target: paths.at(-1) ?? '.',
			});
		} else if (keyword === 'RUN') {
			steps.push({ kind: 'run', command: rest.join(' ') });
		} else if (keyword === 'ENV') {
			const [name = '', value = ''] = rest.join(' ').split('=');
			steps.push({ kind: 'env', name, value });
		} else if (!NOT_FILES.has(keyword)) {
			throw new Error(`the layout check does not know the instruction "${keyword}" in "${line}"`);
		}
	}
	return steps;
}

export async function readRuntimeSteps(file: string): Promise<RuntimeStep[]> {
	return runtimeSteps(await readFile(file, 'utf8'));
}
