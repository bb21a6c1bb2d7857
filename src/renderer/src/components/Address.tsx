import { Fragment } from 'react';

/**
 * An e-mail address or user ID that may wrap only after an `@` or a `.`, never inside a word, so a tired eye
 * cannot read "acmedenta|l.co.uk" as two things. The full text stays in the title and in any copy.
 */
export function Address({ text }: { text: string }) {
  const parts = text.split(/(?<=[@.])/);
  return (
    <span className="rc-address" title={text}>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 && <wbr />}
        </Fragment>
      ))}
    </span>
  );
}
