// Loads a quiet HiGHS runtime, from a module compiled elsewhere when one is given.
import loadHighs, { type Highs } from 'highs';

/** A HiGHS runtime with its console output silenced; `wasmModule` skips a second compile. */
export function loadQuietHighs(wasmModule?: WebAssembly.Module): Promise<Highs> {
  return loadHighs({
    print: () => {},
    printErr: () => {},
    // highs 1.15.3 declares `wasmModule` in InitOptions but its Emscripten glue ignores it, so we
    // instantiate the shared module ourselves through the standard hook:
    // https://emscripten.org/docs/api_reference/module.html#Module.instantiateWasm
    ...(wasmModule
      ? {
          instantiateWasm(imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance) => void) {
            void WebAssembly.instantiate(wasmModule, imports).then(receive);
            return {};
          },
        }
      : {}),
  } as Parameters<typeof loadHighs>[0]);
}
