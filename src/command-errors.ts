/** A command line used wrongly: its message and the usage are shown, and the exit code is 64. */
export class UsageError extends Error {}

/** A command that cannot go on for a reason the person can mend: only its message is shown. */
export class CommandError extends Error {}
