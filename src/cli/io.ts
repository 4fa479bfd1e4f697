/** What a CLI command may touch of the outside world; tests pass their own. */
export interface CliIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** True when stderr is a terminal (progress bars, colours). */
  isTTY: boolean;
}

export const processIO = (): CliIO => ({
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
  isTTY: Boolean(process.stderr.isTTY),
});

/** Exit codes, the contract scripts rely on (DESIGN.md). */
export const EXIT = {
  /** Success. */
  OK: 0,
  /** The run stopped (fatal error). */
  FATAL: 1,
  /** Usage or configuration error: nothing was sent. */
  USAGE: 2,
  /** The run finished but some records were rejected or invalid. */
  REJECTED: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
