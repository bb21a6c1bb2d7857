import { z } from 'zod';
import { AppFailure } from '../../shared/errors';
import type { User } from '../../shared/domain/portal-entities';
import type { UserPage } from '../portal/gateway';
import { subjectOf } from './audit-subject';
import type { ConsoleContext } from './console-context';
import { userIndexKeeperOf } from './user-index-of';

export type SearchSource = 'portal' | 'index';
export type UserSearchAnswer = UserPage & { index?: { total: number } | null };

/** Portal API v1's rule: a local part, an @ and a dotted domain; checked here so a typo costs no call. */
export const emailAddress = z
  .string()
  .trim()
  .max(254)
  .regex(/^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/);

export function createUserService(ctx: ConsoleContext) {
  return {
    async search(
      customerId: string,
      q: string,
      limit: number | undefined,
      cursor: string | null | undefined,
      signal: AbortSignal,
      from: SearchSource = 'portal',
    ): Promise<UserSearchAnswer> {
      const portal = await ctx.signedInPortal();
      if (from === 'index') {
        const index = portal.directory.index(customerId);
        if (!index) return { users: [], nextCursor: null, index: null };
        const { users, total } = index.searchUsers(q, limit ?? 50);
        return { users, nextCursor: null, index: { total } };
      }
      const page = await portal.gateway.searchUsers(customerId, q, { limit, cursor }, signal);
      portal.directory.rememberUsers(customerId, page.users);
      userIndexKeeperOf(ctx).refreshIfOld(portal, customerId);
      return page;
    },

    async get(customerId: string, userId: string, signal?: AbortSignal): Promise<User> {
      const { gateway, directory } = await ctx.signedInPortal();
      const user = await gateway.getUser(customerId, userId, signal);
      directory.rememberUsers(customerId, [user]);
      return user;
    },

    async setEmail(customerId: string, userId: string, email: string | null): Promise<User> {
      let address: string | null = null;
      if (email !== null && email.trim() !== '') {
        const parsed = emailAddress.safeParse(email);
        if (!parsed.success) throw new AppFailure('invalid_email');
        address = parsed.data;
      }
      const portal = await ctx.signedInPortal();
      const user = await portal.gateway.setEmail(customerId, userId, address);
      portal.directory.rememberUsers(customerId, [user]);
      await ctx.audit.append({ ...ctx.auditBase(), ...subjectOf(portal, customerId, userId, user), action: 'email_changed', email: user.email, outcome: 'ok' });
      return user;
    },
  };
}
