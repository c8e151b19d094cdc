// An error as the UI shows it: its typed name (the automation hook) and its message.

/** A shown error: what went wrong (InvalidModel, Timeout, ...) and where. */
export interface ShownError {
  name: string;
  message: string;
}

/** Turns anything thrown into a ShownError, keeping a typed Error's name. */
export function shownError(e: unknown): ShownError {
  return e instanceof Error ? { name: e.name, message: e.message } : { name: 'Error', message: String(e) };
}
