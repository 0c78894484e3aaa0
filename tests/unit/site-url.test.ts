/** What a build without SITE_URL says, and when it refuses: the rule, in process. The builds that prove it are in tests/slow/site-url-build.test.ts. */
import { describe, expect, it } from 'vitest';
import { isDeployBuild, siteUrlProblem, SITE_URL_OUTPUTS } from '../../src/site-config.ts';
import { OPEN_DATA_FILES } from '../../src/datasets.ts';

describe('siteUrlProblem', () => {
	it('is nothing when SITE_URL is set, in CI or not', () => {
		expect(siteUrlProblem({ SITE_URL: 'https://casebook.example.org', CI: 'true' }, ['--production'])).toBeUndefined();
	});

	it('warns in a local build, naming every affected output', () => {
		const problem = siteUrlProblem({}, [])!;
		expect(problem.level).toBe('warning');
		for (const output of SITE_URL_OUTPUTS) expect(problem.message).toContain(output);
		expect(problem.message).toContain('SITE_URL=');
	});

	it('is an error in CI or with --production', () => {
		expect(siteUrlProblem({ CI: 'true' }, [])?.level).toBe('error');
		expect(siteUrlProblem({ CI: '1' }, [])?.level).toBe('error');
		expect(siteUrlProblem({}, ['node', 'build.ts', '--production'])?.level).toBe('error');
		expect(siteUrlProblem({ SITE_URL: '' }, ['--production'])?.message).toContain('--production');
	});

	it('reads CI=false and CI=0 as not CI', () => {
		expect(isDeployBuild({ CI: 'false' }, [])).toBe(false);
		expect(isDeployBuild({ CI: '0' }, [])).toBe(false);
		expect(isDeployBuild({ CI: '' }, [])).toBe(false);
	});
});

describe('SITE_URL_OUTPUTS', () => {
	it('names every open-data file that holds an absolute URL', () => {
		const named = SITE_URL_OUTPUTS.join('\n');
		for (const file of OPEN_DATA_FILES.filter((f) => f.absoluteUrls))
			expect(named, file.path).toContain(file.path.replace('<slug>', '*'));
	});
});
