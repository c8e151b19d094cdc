// The app's name and version as reports record them; the version is package.json's, put in at build
// time by Vite's `define` (vite.config.ts), so a report always names the build that made it.
declare const __APP_VERSION__: string;

/** What a report's `app` field says. */
export const APP_INFO = { name: 'HiGHS Workbench', version: __APP_VERSION__ } as const;
