/**
 * The channel list alone, with no imports, so the sandboxed preload can build `window.api` from it
 * without loading zod. A unit test keeps it equal to the keys of the contract.
 */
export const channels = [
  'app:info',
  'settings:get',
  'settings:setStaffName',
  'settings:setTimeZone',
  'auth:signIn',
  'auth:forget',
  'auth:status',
  'customers:search',
  'customers:get',
  'customers:open',
  'users:search',
  'users:get',
  'users:setEmail',
  'reset:warnings',
  'reset:start',
  'reset:status',
  'history:list',
  'history:refreshStatus',
  'history:exportCsv',
  'history:noteCopied',
  'callers:find',
  'team:status',
  'team:setDatabase',
  'team:setPassword',
  'team:nextChange',
  'team:userActivity',
] as const;
