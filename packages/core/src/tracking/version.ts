declare const __VERSION__: string | undefined;

/** The SDK version, set by the build (`context.library.version` on every event). */
export const VERSION: string = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';
