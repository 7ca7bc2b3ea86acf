/** The error thrown by `f` (fails the test when `f` returns normally). */
export function errorOf(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}
