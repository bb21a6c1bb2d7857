import type { IncomingMessage } from 'node:http';

export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Reads the whole body. An oversized body is drained rather than cut off, so the client is not
 * writing into a closed socket when the 413 arrives.
 */
export function readBody(req: IncomingMessage): Promise<{ body: Buffer; tooLarge: boolean }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        tooLarge = true;
        chunks.length = 0;
      } else chunks.push(chunk);
    });
    const done = () => resolve({ body: Buffer.concat(chunks), tooLarge });
    req.on('end', done);
    req.on('error', done);
    req.on('close', done);
  });
}
