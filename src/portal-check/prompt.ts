import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

/**
 * Asks for the password on the terminal without echoing it: readline reads the line as usual while
 * its output goes to a stream that swallows everything after the question.
 */
export function promptHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve, reject) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    muted = true;
    rl.on('SIGINT', () => {
      rl.close();
      reject(new Error('Cancelled.'));
    });
  });
}
