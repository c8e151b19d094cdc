import type { LaunchOptions } from '@playwright/test';

/** Launch options that work as root in CI and on a developer machine. */
export function chromiumLaunchOptions(): LaunchOptions;
