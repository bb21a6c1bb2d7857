import type { FileHandle } from 'node:fs/promises';

export type LineEvent = { kind: 'line'; text: string } | { kind: 'oversize'; bytes: number };

/**
 * The lines of a file, streamed, each at most `maxLineBytes` long. Node's readline keeps a whole line in
 * memory however long it is (an old log held 1.9 MB lines, and one without a newline could be any size),
 * so this reader splits bytes itself and reports an over-long line by its size instead of its text.
 * A last line without '\n' (torn by a crash) is still returned; its JSON will not parse.
 */
export async function* readLines(handle: FileHandle, maxLineBytes: number): AsyncGenerator<LineEvent> {
  const stream = handle.createReadStream({ start: 0, autoClose: false, highWaterMark: 1 << 20 });
  let parts: Buffer[] = [];
  let length = 0;
  let skipping = false;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      const end = nl === -1 ? chunk.length : nl;
      const piece = end - start;
      if (!skipping && length + piece > maxLineBytes) {
        skipping = true;
        parts = [];
      }
      if (!skipping && piece > 0) parts.push(chunk.subarray(start, end));
      length += piece;
      if (nl === -1) break;
      if (skipping) yield { kind: 'oversize', bytes: length };
      else if (length > 0) yield { kind: 'line', text: Buffer.concat(parts, length).toString('utf8') };
      parts = [];
      length = 0;
      skipping = false;
      start = nl + 1;
    }
  }
  if (skipping) yield { kind: 'oversize', bytes: length };
  else if (length > 0) yield { kind: 'line', text: Buffer.concat(parts, length).toString('utf8') };
}
