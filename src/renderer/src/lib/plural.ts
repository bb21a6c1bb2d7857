/** `1 user`, `2 users`, `1,204 users`: the count in words a tired eye reads right. */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}
