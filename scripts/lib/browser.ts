import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

/**
 * Debian's Chromium where it is installed (Playwright cannot download its own browser on
 * air-gapped CI machines); Playwright's bundled browser everywhere else.
 */
const debianChromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const launchOptions: LaunchOptions = existsSync(debianChromium)
	? {
			executablePath: debianChromium,
			args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
		}
	: {};
