import { spawn } from 'node:child_process';

/**
 * Runs `command` and resolves with its stdout. A non-zero exit, a signal or running past
 * `timeoutMs` rejects with the command, where it ran and everything it printed.
 * npm_* variables are dropped: inherited from `npx vitest` (npm_config_local_prefix above
 * all), they would point a child `npm` at this repository instead of its own directory.
 */
export function runCommand(command: string, args: string[], cwd: string, timeoutMs = 60_000): Promise<string> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, timeout: timeoutMs, killSignal: 'SIGKILL' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('error', (error) => reject(new Error(`\`${command} ${args.join(' ')}\` did not start in ${cwd}: ${error.message}`)));
    child.on('close', (code, signal) => {
      if (code === 0) return resolve(stdout);
      const why = signal ? `was killed (${signal}${signal == 'SIGKILL' ? `, over its ${timeoutMs} ms limit` : ''})` : `exited with ${code}`;
      reject(new Error(`\`${command} ${args.join(' ')}\` ${why} in ${cwd}\n--- stdout\n${stdout}\n--- stderr\n${stderr}`));
    });
  });
}
