import type { DataFileUser } from '../data-file';
import { foldText } from '../../shared/text/fold';
import { demoCredentials } from '../demo-credentials';
import type { CustomerInput } from './model';
import { cities, departments, firstNames, lastNames, namePrefixes, nameSuffixes, nameTrades } from './names';
import { createRng, hashSeed, type Rng } from './rng';

export const DEFAULT_SEED = 'reset-console';
export const BASE_CUSTOMERS = 300;
export const BIG_CUSTOMER_USERS = 20_000;
/** From this scale on, one customer has BIG_CUSTOMER_USERS users, to exercise paging. */
export const BIG_CUSTOMER_MIN_SCALE = 10;

interface SpecialUser extends Omit<DataFileUser, 'userId'> {
  local?: string;
}

interface SpecialCustomer {
  name: string;
  city: string;
  status?: 'active' | 'suspended';
  domain?: string;
  users?: SpecialUser[];
}

const jane: SpecialUser = {
  local: 'jsmith', firstName: 'Jane', lastName: 'Smith', extension: '1042', phoneNumber: '+441135551042',
  email: 'jane.smith@acmedental.co.uk', alternateIds: ['jane.s'], department: 'Front desk', status: 'active',
};

// The cases a helpdesk trips over: look-alike names, accents, markup, shared names, no Email, disabled.
const specials: SpecialCustomer[] = [
  {
    name: 'Acme Dental', city: 'Leeds', domain: 'acme',
    users: [
      jane,
      { firstName: 'Sam', lastName: 'Taylor', extension: '1100', department: 'Clinical' },
      { firstName: 'Sam', lastName: 'Taylor', extension: '1101', department: 'Reception' },
      { firstName: 'Zoë', lastName: "O'Brien", extension: '1102' },
      { firstName: 'José', lastName: 'Núñez', extension: '1103' },
      { firstName: 'Klaus', lastName: 'Voß', extension: '1104' },
      { firstName: 'Peter', lastName: 'Parked', extension: '1105', status: 'disabled' },
      { firstName: 'Nora', lastName: 'Noemail', extension: '1106', email: null },
    ],
  },
  { name: 'Acme Dental Group', city: 'Manchester' },
  { name: 'ACME Logistics', city: 'Bristol' },
  { name: '<b>Bold</b> Networks', city: 'Cardiff', users: [{ firstName: 'Mark', lastName: '<i>Up</i>', extension: '1001' }] },
  { name: 'Northwind Traders', city: 'York', status: 'suspended' },
  { name: 'Café Zoë', city: 'Bath' },
  { name: 'Voß Bäckerei', city: 'Norwich' },
  { name: 'Globex Contact Centres', city: 'Glasgow' },
];
const BIG_CUSTOMER_INDEX = specials.length - 1;

const asciiOf = new Map<string, string>();
/** The a–z0–9 letters of a name, for User IDs and addresses; memoised because names repeat. */
const ascii = (text: string): string => {
  let plain = asciiOf.get(text);
  if (plain === undefined) {
    plain = foldText(text).replace(/[^a-z0-9]+/g, '');
    if (asciiOf.size < 100_000) asciiOf.set(text, plain);
  }
  return plain;
};

export interface GeneratedDirectory {
  parentAdmins: { username: string; password: string }[];
  customers: CustomerInput[];
}

export function generateDirectory(seed: string | number = DEFAULT_SEED, scale = 1): GeneratedDirectory {
  const seedText = String(seed);
  const total = Math.max(BASE_CUSTOMERS * scale, specials.length);
  const usedDomains = new Set<string>();
  const customers: CustomerInput[] = [];
  for (let i = 0; i < total; i++) {
    const rng = createRng(hashSeed(`${seedText}:customer:${i}`));
    const special = specials[i];
    const name = special?.name ?? generatedName(rng);
    const slug = ascii(name).slice(0, 24) || 'customer';
    let domain = special?.domain ?? slug;
    if (usedDomains.has(domain)) domain = `${domain}${i}`;
    usedDomains.add(domain);
    const big = i === BIG_CUSTOMER_INDEX && scale >= BIG_CUSTOMER_MIN_SCALE;
    // Skewed to small: most customers have a handful of users, a few have hundreds.
    const userCount = big ? BIG_CUSTOMER_USERS : special?.name === 'Acme Dental' ? 60 : 5 + Math.floor(395 * rng.next() ** 5);
    const city = special?.city ?? rng.pick(cities);
    const status = special?.status ?? (rng.chance(0.02) ? 'suspended' : 'active');
    const area = String(rng.int(113, 199));
    const userSeed = `${seedText}:users:${i}`;
    const userDomain = `${domain}.voip`;
    const emailDomain = `${slug}.co.uk`;
    customers.push({
      id: `C${1001 + i}`,
      name,
      accountNumber: `${100 + Math.floor(i / 1000)}-${2001 + (i % 1000)}`,
      status,
      city,
      address: `${rng.int(1, 250)} ${rng.pick(['High Street', 'Station Road', 'Mill Lane', 'Church Street', 'Park Avenue'])}, ${city}`,
      primaryContact: { name: `${rng.pick(firstNames)} ${rng.pick(lastNames)}`, email: `office@${emailDomain}`, phone: `+44${area}5550000` },
      createdAt: new Date(Date.UTC(2015, 0, 1) + rng.int(0, 3650) * 86_400_000).toISOString(),
      userCount,
      userDomain,
      users: () => generateUsers(createRng(hashSeed(userSeed)), userCount, special?.users ?? [], userDomain, emailDomain, area, big ? 10001 : 1001),
    });
  }
  return { parentAdmins: [{ ...demoCredentials }], customers };
}

function generatedName(rng: Rng): string {
  const suffix = rng.pick(nameSuffixes);
  return `${rng.pick(namePrefixes)} ${rng.pick(nameTrades)}${suffix ? ` ${suffix}` : ''}`;
}

function generateUsers(
  rng: Rng, count: number, specialUsers: readonly SpecialUser[], userDomain: string, emailDomain: string, area: string, firstExtension: number,
): DataFileUser[] {
  const locals = new Set<string>();
  const emails = new Set<string>();
  const extensions = new Set(specialUsers.map((u) => u.extension));
  let nextExtension = firstExtension;
  const uniqueLocal = (base: string): string => {
    let local = base || 'user';
    for (let n = 2; locals.has(local); n++) local = `${base}${n}`;
    locals.add(local);
    return local;
  };
  const users: DataFileUser[] = [];
  for (let i = 0; i < count; i++) {
    const special = specialUsers[i];
    const firstName = special?.firstName ?? rng.pick(firstNames);
    const lastName = special?.lastName ?? rng.pick(lastNames);
    const first = ascii(firstName);
    const last = ascii(lastName);
    const local = uniqueLocal(special?.local ?? `${first.slice(0, 1)}${last}`);
    const userId = `${local}@${userDomain}`;
    let extension = special?.extension;
    if (extension === undefined) {
      while (extensions.has(String(nextExtension))) nextExtension++;
      extension = String(nextExtension++);
    }
    extensions.add(extension);
    let email: string | null;
    if (special && special.email !== undefined) email = special.email;
    else {
      const roll = rng.next();
      if (roll < 0.08) email = null;
      else if (roll < 0.18) email = userId;
      else {
        let candidate = `${first}.${last}@${emailDomain}`;
        for (let n = 2; emails.has(candidate); n++) candidate = `${first}.${last}${n}@${emailDomain}`;
        email = candidate;
      }
    }
    if (email) emails.add(email);
    const phoneRoll = rng.next();
    const altRoll = rng.next();
    const disabledRoll = rng.next();
    users.push({
      userId,
      firstName,
      lastName,
      extension,
      phoneNumber: special?.phoneNumber !== undefined ? special.phoneNumber : phoneRoll < 0.85 ? `+44${area}555${extension}` : null,
      email,
      alternateIds: special?.alternateIds ?? (altRoll < 0.3 ? [`${first}.${last.slice(0, 1)}`] : []),
      department: special?.department ?? rng.pick(departments),
      status: special?.status ?? (disabledRoll < 0.05 ? 'disabled' : 'active'),
    });
  }
  return users;
}
