import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { dataFile, type DataFile } from './data-file';

/** `customers[2].users[0].userId` from a zod issue path. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
  return `${fieldPath(issue.path) || '(file)'}: ${missing ? 'Required' : issue.message}`;
}

/** Checks a `--data` value; the Error names the first bad field, e.g. `customers[2].users[0].userId: Required`. */
export function validateDataFile(value: unknown): DataFile {
  const result = dataFile.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(issue ? describeIssue(issue) : 'The data file is not valid');
  }
  const data = result.data;
  const customerIds = new Map<string, number>();
  const userIds = new Map<string, string>();
  data.customers.forEach((customer, c) => {
    if (customerIds.has(customer.id)) throw new Error(`customers[${c}].id: duplicate customer id ${customer.id} (also customers[${customerIds.get(customer.id)}])`);
    customerIds.set(customer.id, c);
    customer.users.forEach((user, u) => {
      const key = user.userId.toLowerCase();
      const other = userIds.get(key);
      if (other) throw new Error(`customers[${c}].users[${u}].userId: duplicate User ID ${user.userId} (also ${other})`);
      userIds.set(key, `customers[${c}].users[${u}]`);
    });
  });
  return data;
}

export async function loadDataFile(path: string): Promise<DataFile> {
  const text = await readFile(path, 'utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  return validateDataFile(value);
}
