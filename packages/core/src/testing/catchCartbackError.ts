import { expect } from 'vitest';
import { CartbackError } from '../engine/CartbackError.js';

/** Runs `fn`, expecting it to throw a CartbackError, and returns that error. */
export function catchCartbackError(fn: () => unknown): CartbackError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CartbackError);
    return error as CartbackError;
  }
  throw new Error('expected a CartbackError, but nothing was thrown');
}
