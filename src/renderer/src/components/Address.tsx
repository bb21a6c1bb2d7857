import { Fragment } from 'react';

/**
 * An e-mail address or user ID that may wrap only after an `@` or a `.`, never inside a word (nor at a
 * hyphen), so a tired eye cannot read "acmedenta|l.co.uk" as two things. A single part wider than its
 * column ends in an ellipsis; the full text stays in the DOM (so in any copy) and in the title.
 */
export function Address({ text }: { text: string }) {
  const parts = text.split(/(?<=[@.])/);
  return (
    <span className="rc-address" title={text}>
      {parts.map((part, i) => (
        <Fragment key={i}>
          <span className="rc-address-part">{part}</span>
          {i < parts.length - 1 && <wbr />}
        </Fragment>
      ))}
    </span>
  );
}
