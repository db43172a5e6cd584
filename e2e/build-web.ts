import { build } from 'vite';

/** The tests drive the built UI, so build it first (about two seconds). */
export default async function setup(): Promise<void> {
  await build({ configFile: 'web/vite.config.ts', logLevel: 'warn' });
}
