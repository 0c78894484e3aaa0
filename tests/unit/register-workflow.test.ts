/**
 * The scheduled refresh of the register (.github/workflows/register.yml) runs only on GitHub, so
 * what can be checked here is checked: when it runs, that every command it names is a script of
 * this package, and that what it merges deploys. tests/tools/hhs-fetch.test.ts tests the fetch.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

interface Workflow {
	on: Record<string, unknown>;
	jobs: Record<string, { steps: { run?: string; uses?: string; with?: Record<string, unknown> }[] }>;
}
const read = (name: string) => parse(readFileSync(`.github/workflows/${name}`, 'utf8')) as Workflow;
const register = read('register.yml');
const steps = Object.values(register.jobs).flatMap((job) => job.steps);
const commands = steps.map((s) => s.run ?? '').join('\n');

describe('the register’s scheduled refresh', () => {
	it('runs every week and on demand', () => {
		expect(register.on.schedule).toEqual([{ cron: expect.stringMatching(/^\S+ \S+ \* \* [0-6]$/) }]);
		expect(register.on).toHaveProperty('workflow_dispatch');
	});

	it('fetches, imports and checks with the package’s own scripts', () => {
		const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
		const named = [...commands.matchAll(/npm run (?:--silent )?([\w:-]+)/g)].map((m) => m[1]!);
		expect(new Set(named)).toEqual(new Set(['fetch:hhs', 'import:hhs', 'check']));
		for (const name of named) expect(Object.keys(scripts)).toContain(name);
		expect(commands).toContain('npm run --silent check -- --strict');
	});

	it('commits the exports and the register to one refresh branch, and opens its pull request with the report', () => {
		expect(commands).toContain('git add exports/hhs-ocr content/register');
		expect(commands).toMatch(/git fetch origin "\$BRANCH"[\s\S]*git merge --no-edit origin\/main/);
		expect(commands).toMatch(/gh pr create --base main --head "\$BRANCH" .*--body-file "\$RUNNER_TEMP\/report\.md"/);
		expect(commands).toMatch(/gh pr edit "\$open" .*--body-file/);
		expect(steps.filter((s) => s.uses)).toEqual([{ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } }]);
	});

	it('deploys what is merged: the Pages workflow runs on a push to main', () => {
		expect(read('pages.yml').on.push).toEqual({ branches: ['main'] });
	});
});
