/**
 * The Chromium that the end-to-end tests, the register fetcher and the benchmark drive:
 * Playwright's own when installed, else the system's (Debian's packages), because
 * `npx playwright install` cannot download on every machine.
 */
import { existsSync } from 'node:fs';
import { chromium, type LaunchOptions } from '@playwright/test';

/**
 * Which Chromium: `shell`, Debian's headless shell (`chromium-headless-shell`), the build that
 * Playwright itself runs headless tests in, which has no browser window to drive: the end-to-end
 * suite took 157 s in it against 180–193 s in the full browser, with the same results. `full`, the
 * browser readers run, for the benchmark's timings. Either falls back to the other when it is missing.
 */
export type ChromiumKind = 'shell' | 'full';

const SYSTEM_CHROMIUM: Record<ChromiumKind, readonly string[]> = {
	shell: ['/usr/lib/chromium/chromium-headless-shell'],
	full: ['/usr/bin/chromium', '/usr/bin/chromium-browser'],
};

/** Where Chromium is, or undefined when Playwright has its own; throws, saying how to get one, when there is none. */
export function chromiumExecutable(kind: ChromiumKind = 'shell'): string | undefined {
	const bundled = chromium.executablePath();
	if (bundled && existsSync(bundled)) return undefined;
	const other: ChromiumKind = kind === 'shell' ? 'full' : 'shell';
	for (const candidate of [process.env.CHROMIUM_PATH, ...SYSTEM_CHROMIUM[kind], ...SYSTEM_CHROMIUM[other]]) {
		if (candidate && existsSync(candidate)) return candidate;
	}
	throw new Error(
		'No Chromium to run the end-to-end tests. Install one of:\n' +
			'  apt-get install -y chromium-headless-shell chromium   (Debian/Ubuntu)\n' +
			'  npx playwright install chromium                       (where Playwright can download)\n' +
			'or set CHROMIUM_PATH to a Chromium binary.',
	);
}

/** How to launch it: quiet (no update or sync traffic), and without the sandbox when run as root. */
export function chromiumLaunchOptions(kind: ChromiumKind = 'shell'): LaunchOptions {
	const args = ['--disable-background-networking', '--disable-component-update', '--disable-sync'];
	if (process.getuid?.() === 0) args.unshift('--no-sandbox');
	return { executablePath: chromiumExecutable(kind), args };
}
