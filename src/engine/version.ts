// Injected by esbuild from package.json at bundle time; falls back for tests run from source.
declare const __TB_VERSION__: string | undefined;
export const VERSION: string = typeof __TB_VERSION__ === 'string' ? __TB_VERSION__ : '0.1.0-dev';
