/** Ends a command line tool with its usage on stderr: exit 0 when help was asked, else 2 with the problem first. */
export function exitWithUsage(usage: string, problem?: string): never {
  if (problem) console.error(problem);
  console.error(`usage: ${usage}`);
  process.exit(problem ? 2 : 0);
}

/** Whether the arguments ask for help (-h, --help). */
export function asksForHelp(args: readonly string[]): boolean {
  return args.some((arg) => arg === '-h' || arg === '--help');
}
