import { highlightMatches } from '../lib/highlight';

/** A name with the part that matched the query marked. Always rendered as text, never as HTML. */
export function Highlighted({ text, query }: { text: string; query: string }) {
  const segments = highlightMatches(text, query);
  return (
    <>
      {segments.map((s, i) =>
        s.match ? (
          <mark key={i} className="rc-match">
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}
