/**
 * The Chromium that the end-to-end tests and the benchmark drive: Playwright's own when installed,
 * else the system's (Debian's `chromium` package), because `npx playwright install` cannot download
 * on every machine.
 */
import { existsSync } from 'node:fs';
import { chromium, type LaunchOptions } from '@playwright/test';

/** Where Chromium is, or undefined when Playwright has its own; throws, saying how to get one, when there is none. */
export function chromiumExecutable(): string | undefined {
	const bundled = chromium.executablePath();
	if (bundled && existsSync(bundled)) return undefined;
	for (const candidate of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
		if (candidate && existsSync(candidate)) return candidate;
	}
	throw new Error(
		'No Chromium to run the end-to-end tests. Install one of:\n' +
			'  apt-get install -y chromium        (Debian/Ubuntu; used from /usr/bin/chromium)\n' +
			'  npx playwright install chromium    (where Playwright can download)\n' +
			'or set CHROMIUM_PATH to a Chromium binary.',
	);
}

/** How to launch it: quiet (no update or sync traffic), and without the sandbox when run as root. */
export function chromiumLaunchOptions(): LaunchOptions {
	const args = ['--disable-background-networking', '--disable-component-update', '--disable-sync'];
	if (process.getuid?.() === 0) args.unshift('--no-sandbox');
	return { executablePath: chromiumExecutable(), args };
}
