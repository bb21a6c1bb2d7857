/**
 * Team mode: a shared, append-only reset history on PostgreSQL. The local audit trail stays the
 * source of truth for this desk; the outbox ships it here, idempotently by entry id.
 * How to wire it: docs/team-mode.md ("For developers").
 */
export { parseTeamDbUrl, describeTarget, isLoopbackHost, type TeamDbTarget, type PasswordSource } from './connection';
export { TeamDbError, type TeamDbErrorCode } from './team-db-error';
export { migrate, latestVersion, teamSchema, appRoleName, type MigrateResult } from './migrations';
export { openTeamStore, type TeamStore, type TeamWarnings, type TeamPage } from './team-store';
export { teamHistoryFilter, historyCursor, type TeamHistoryFilter, type TeamHistoryRow, type HistoryCursor } from './history-query';
export { type EntryNotice, type Subscription } from './team-subscription';
export { createOutbox, type Outbox, type OutboxStatus, type OutboxOptions } from './outbox';
export { jsonlTrail, type LocalTrail } from './local-trail';
export { auditStoreTrail, unsharedIds } from './audit-store-trail';
