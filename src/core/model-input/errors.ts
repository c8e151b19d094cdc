// The one error type for bad model input, and the small text helpers its messages use.
// Every message names the file and, where it applies, the line and field.

/** Error thrown for bad input; name is 'InvalidModel' so it survives the worker boundary (only name+message cross). */
export class InvalidModelError extends Error {
  readonly name = 'InvalidModel';
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Builds an InvalidModelError whose message starts with "file[, line N][, field F]: ". */
export function invalid(file: string, problem: string, line?: number, field?: number): InvalidModelError {
  let where = file;
  if (line !== undefined) where += `, line ${line}`;
  if (field !== undefined) where += `, field ${field}`;
  return new InvalidModelError(`${where}: ${problem}`, file, line, field === undefined ? undefined : String(field));
}

/** Shortens text quoted in a message: a runaway literal or name could be megabytes long. */
export function clip(text: string, max = 40): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

/** One mebibyte, the unit of the size limits. */
export const MIB = 1024 * 1024;

/** A byte count as the limit is usually written: "64 MiB", "512 KiB", "100 bytes". */
export function formatLimit(bytes: number): string {
  if (bytes % MIB === 0) return `${bytes / MIB} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
