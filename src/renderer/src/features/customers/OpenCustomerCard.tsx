import { Badge, CloseButton, Group, Paper, Text } from '@mantine/core';
import type { Customer } from '../../../../shared/domain/portal-entities';
import { countOf } from '../../lib/plural';
import { useConsole } from '../../state/console-state';

export function OpenCustomerCard({ customer }: { customer: Customer }) {
  const { closeCustomer, customerInput } = useConsole();
  return (
    <Paper withBorder p="sm" bg="indigo.0">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Text size="xs" tt="uppercase" c="dimmed" fw={600}>Open customer</Text>
          <Text fw={700} size="lg" lh={1.2}>{customer.name}</Text>
          <Group gap={8}>
            <Text size="sm" ff="monospace" fw={600}>{customer.accountNumber ? `Acct ${customer.accountNumber}` : 'No account number'}</Text>
            <Text size="sm">{customer.city ?? ''}</Text>
            <Badge size="sm" variant="light" color="teal" tt="none">{countOf(customer.userCount, 'user')}</Badge>
          </Group>
        </div>
        <CloseButton
          title="Close this customer (Esc)"
          aria-label={`Close customer ${customer.name}`}
          onClick={() => { closeCustomer(); customerInput.current?.focus(); }}
        />
      </Group>
    </Paper>
  );
}
