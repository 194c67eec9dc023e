import type { IncomingMessage } from 'node:http';
import { HttpError } from './HttpError';

/**
 * Collects a request body up to `maxBytes`. Past the limit it stops reading at once rather
 * than buffering the rest, so a 10 MB upload costs about `maxBytes` of memory; the caller
 * answers and closes the connection.
 */
export function readBody(req: IncomingMessage, maxBytes: number, timeoutMs: number): Promise<Buffer> {
  const tooLarge = new HttpError(413, `Body is larger than ${maxBytes} bytes. Split the events into smaller batches.`);
  if (Number(req.headers['content-length']) > maxBytes) return Promise.reject(tooLarge);

  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;

    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) fail(tooLarge);
      else chunks.push(chunk);
    };
    const onEnd = () => {
      cleanUp();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => fail(error);
    // 'close' before 'end' means the client went away mid-body.
    const onClose = () => fail(new HttpError(400, 'The connection closed before the body was complete.'));
    // Node's own requestTimeout answers with an empty 408; this one says what happened.
    const timer = setTimeout(
      () => fail(new HttpError(408, `The body did not arrive within ${timeoutMs} ms. Retry the request.`)),
      timeoutMs,
    );

    function cleanUp() {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
    }
    function fail(error: Error) {
      cleanUp();
      req.pause();
      reject(error);
    }

    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}
