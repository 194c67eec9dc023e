/**
 * Words a cart mistake (a CartbackError with a `problem`) from the lazy diagnostics file, for
 * whoever prints it: the engine's `reject`, an adapter's debug line. Resolves either way: if the
 * file cannot load, the error keeps its short message.
 */
export const loadWording = (error: unknown): Promise<void> =>
  import('../diagnostics/index.js').then(({ wordError }) => void wordError(error), () => {});
