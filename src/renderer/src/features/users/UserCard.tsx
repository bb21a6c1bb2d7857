import { Alert, Badge, Button, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState, type ReactNode, type Ref } from 'react';
import { errorTable } from '../../../../shared/error-table';
import type { Customer, User } from '../../../../shared/domain/portal-entities';
import { inspectRecipient } from '../../../../shared/recipient/inspect-recipient';
import { Address } from '../../components/Address';
import { EditEmail } from './EditEmail';
import { PasswordStatus } from './PasswordStatus';
import { RecipientWarnings } from './RecipientWarnings';

interface Props {
  customer: Customer;
  user: User;
  headingRef: Ref<HTMLHeadingElement>;
  rereading: boolean;
  onReread(): void;
  /** The reset buttons, placed before Change Email. */
  resetActions: ReactNode;
  /** Why the reset is blocked, when the reason is the last attempt rather than the user. */
  blockedNotice: string | null;
}

function sameAddress(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Who the caller is, where the reset e-mail goes and the password state; the reset buttons come from the screen. */
export function UserCard({ customer, user, headingRef, rereading, onReread, resetActions, blockedNotice }: Props) {
  const [editing, setEditing] = useState(false);
  const differs = user.email !== null && !sameAddress(user.email, user.userId);
  const inspection = useMemo(
    () => (user.email === null ? null : inspectRecipient({ email: user.email, name: `${user.firstName} ${user.lastName}`, userId: user.userId })),
    [user.email, user.firstName, user.lastName, user.userId],
  );

  return (
    <Paper withBorder p="lg" bg="white">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div style={{ minWidth: 0 }}>
            <Title order={2} size="h3" ref={headingRef} tabIndex={-1} style={{ overflowWrap: 'break-word' }}>
              {user.firstName} {user.lastName}
            </Title>
            <Group gap="xs" mt={4}>
              <Badge variant="outline" color="indigo" ff="monospace" size="lg">Ext {user.extension}</Badge>
              {user.department && <Text size="sm" c="dimmed">{user.department}</Text>}
              <Text size="sm" c="dimmed">{customer.name}{customer.accountNumber ? ` (account ${customer.accountNumber})` : ''}</Text>
              {user.status === 'disabled' ? (
                <Badge color="gray.7" variant="filled">Disabled</Badge>
              ) : (
                <Badge color="teal" variant="light">Enabled</Badge>
              )}
            </Group>
          </div>
          <Button variant="subtle" size="xs" onClick={onReread} loading={rereading} style={{ flexShrink: 0 }}>
            Re-read
          </Button>
        </Group>

        <dl className="rc-dl">
          <div>
            <dt id="term-email">Email</dt>
            <dd aria-labelledby="term-email">{user.email ? <Address text={user.email} /> : <Text span c="orange.9" fw={600} inherit>none</Text>}</dd>
          </div>
          <div>
            <dt id="term-userid">User ID</dt>
            <dd aria-labelledby="term-userid"><Address text={user.userId} /></dd>
          </div>
        </dl>

        {differs && (
          <Alert color="blue" variant="light" p="sm">
            <Text size="sm" fw={600}>The Email and the User ID are different: the temporary password goes to the Email, not to the User ID.</Text>
          </Alert>
        )}
        {inspection && <RecipientWarnings inspection={inspection} />}
        {user.email === null && user.status === 'active' && (
          <Alert color="orange" variant="light" title="No Email: reset is blocked" role="status">
            <Text size="sm">{errorTable.no_email.message} Ask the caller for their address and confirm it with them.</Text>
          </Alert>
        )}
        {user.status === 'disabled' && (
          <Alert color="gray.7" variant="filled" title="Disabled user: reset is blocked" role="status">
            <Text size="sm">{errorTable.user_disabled.message}</Text>
          </Alert>
        )}

        {editing ? <EditEmail customer={customer} user={user} onDone={() => setEditing(false)} /> : null}

        <Divider />
        <div>
          <Text size="xs" tt="uppercase" c="dimmed" fw={600} mb={4}>Password state</Text>
          <PasswordStatus password={user.password} />
        </div>

        <Group gap="sm">
          {resetActions}
          {!editing && user.status === 'active' && (
            <Button variant="default" size="md" onClick={() => setEditing(true)}>
              {user.email === null ? 'Add Email' : 'Change Email'}
            </Button>
          )}
        </Group>
        {blockedNotice && <Text size="sm" c="dimmed">Reset is blocked: {blockedNotice}</Text>}
      </Stack>
    </Paper>
  );
}
