import type { ConsoleContext } from './console-context';
import { UserIndexKeeper } from './user-index-keeper';

const keepers = new WeakMap<ConsoleContext, UserIndexKeeper>();

/** The one index keeper of a console: customer and user services share it without a new context field. */
export function userIndexKeeperOf(ctx: ConsoleContext): UserIndexKeeper {
  let keeper = keepers.get(ctx);
  if (!keeper) {
    keeper = new UserIndexKeeper(ctx.log, () => ctx.now().getTime());
    keepers.set(ctx, keeper);
  }
  return keeper;
}
