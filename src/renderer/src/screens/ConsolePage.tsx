import { Paper, Text, Title } from '@mantine/core';
import type { SettingsView } from '../../../shared/ipc/contract';
import { CustomerField } from '../features/customers/CustomerField';
import { CustomerResults } from '../features/customers/CustomerResults';
import { OpenCustomerCard } from '../features/customers/OpenCustomerCard';
import { UserSearch } from '../features/users/UserSearch';
import { useConsole } from '../state/console-state';
import { UserPanel } from './UserPanel';

interface Props {
  settings: SettingsView;
  requestFocus(target: 'customer' | 'users'): void;
}

/** Customer → user → reset → note, left to right. */
export function ConsolePage({ settings, requestFocus }: Props) {
  const { customer, leftView, userId } = useConsole();
  return (
    <div className="rc-console">
      <CustomerField />
      <div className="rc-columns">
        <div className="rc-col rc-col-left">
          {leftView === 'users' && customer ? (
            <>
              <OpenCustomerCard customer={customer} />
              <UserSearch customer={customer} />
            </>
          ) : (
            <div className="rc-scroll">
              <CustomerResults onOpened={() => requestFocus('users')} />
            </div>
          )}
        </div>
        <div className="rc-col rc-scroll">
          {customer && userId ? (
            <UserPanel key={`${customer.id}/${userId}`} customer={customer} userId={userId} staffName={settings.staffName} />
          ) : (
            <Paper withBorder p="xl" bg="white">
              <Title order={2} size="h4" mb="xs">
                {customer ? 'Pick a user' : 'Find the caller'}
              </Title>
              <Text c="dimmed" size="sm">
                {customer
                  ? 'Type the first name, last name or extension in Search users. Use the arrow keys and Enter to pick.'
                  : 'Type the customer’s name in Customer and press Enter. Open the right customer, then find the user.'}
              </Text>
              <Text c="dimmed" size="sm" mt="xs">
                Esc goes back one step. Ctrl+K or / jumps to Customer from anywhere.
              </Text>
            </Paper>
          )}
        </div>
      </div>
    </div>
  );
}
