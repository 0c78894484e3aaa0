import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
		// The bad-content tests run the real check and build; give them room on a 2-core machine.
		testTimeout: 120_000,
	},
});
