// Which model the run view solves: the built-in library (manifest and files), a local file
// (input or drop, .gz too) or pasted LP text.
import { parseLibrary, type Library, type LibraryModel } from '../core/library';
import { checkInputSize } from '../core/model-input';
import { sha256Hex, type ModelOrigin } from '../core/run-record';
import type { ModelSource } from './ports';
import { shownError, type ShownError } from './shown-error';

/** The model the user picked. */
export interface ModelChoice {
  name: string;
  origin: ModelOrigin;
  /** For library models (and files with a library model's content, whatever their name): what is known about it. */
  known?: LibraryModel;
  /** Bytes for files and pasted text (library models are fetched on solve). */
  bytes?: Uint8Array;
  sizeBytes?: number;
}

/** A local file as the picker gets it (a DOM File fits). */
export interface PickedFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** The name pasted text is solved (and stored) under. */
export const PASTED_NAME = 'pasted.lp';

/** Rune state of the model picker. */
export class LibraryState {
  library = $state.raw<Library | null>(null);
  /** Why the manifest could not be loaded, or null. */
  loadError = $state<string | null>(null);
  choice = $state.raw<ModelChoice | null>(null);
  pasteText = $state('');
  /** Why the last pick was refused (e.g. a file over the size cap), or null. */
  error = $state<ShownError | null>(null);

  /** `onPick` runs after every pick (the run view clears the last solve's error). */
  constructor(
    private readonly source: ModelSource,
    private readonly onPick: () => void = () => {},
  ) {}

  /** Loads and validates the manifest. */
  async load(): Promise<void> {
    try {
      this.library = parseLibrary(await this.source.manifest());
      this.loadError = null;
    } catch (e) {
      this.loadError = `could not load the model library: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  pickLibrary(m: LibraryModel): void {
    this.pick({ name: m.file, origin: 'library', known: m });
  }

  /** Picks one of the manifest's deliberately bad inputs. */
  pickBadInput(file: string): void {
    this.pick({ name: file, origin: 'library' });
  }

  /** Takes a local file (input or drop); the size cap is checked before reading it. */
  async pickFile(file: PickedFile): Promise<void> {
    try {
      checkInputSize(file.name, file.size);
    } catch (e) {
      this.choice = null;
      this.error = shownError(e);
      this.onPick();
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    // Matched by content, never by name: a local afiro.mps with other rows must not be judged against afiro's optimum.
    const sha = await sha256Hex(bytes);
    const known = this.library?.models.find((m) => m.sha256 === sha);
    this.pick({ name: file.name, origin: 'file', bytes, sizeBytes: file.size, known });
  }

  /** Takes the pasted text as the model. */
  pickPaste(): void {
    const bytes = new TextEncoder().encode(this.pasteText);
    this.pick({ name: PASTED_NAME, origin: 'paste', bytes, sizeBytes: bytes.length });
  }

  /** The bytes of a choice: its own, or the library file fetched now. Rejects as InvalidModel. */
  async bytesOf(c: ModelChoice): Promise<Uint8Array> {
    if (c.bytes) return c.bytes;
    try {
      return await this.source.model(c.name);
    } catch (e) {
      const err = new Error(
        `${c.name}: could not load from the library (${e instanceof Error ? e.message : String(e)})`,
      );
      err.name = 'InvalidModel';
      throw err;
    }
  }

  private pick(c: ModelChoice): void {
    this.choice = c;
    this.error = null;
    this.onPick();
  }
}
