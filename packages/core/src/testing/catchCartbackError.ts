import { expect } from 'vitest';
import { CartbackError } from '../engine/CartbackError.js';
import { wordError } from '../diagnostics/wordError.js';

/** Runs `fn`, expecting it to throw a CartbackError, and returns that error, worded as the console shows it. */
export function catchCartbackError(fn: () => unknown): CartbackError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CartbackError);
    return wordError(error as CartbackError);
  }
  throw new Error('expected a CartbackError, but nothing was thrown');
}
