import { Group, Kbd, Paper, Text, Title } from '@mantine/core';
import type { SettingsView } from '../../../shared/ipc/contract';
import { CallerField } from '../features/callers/CallerField';
import { CallerHitList } from '../features/callers/CallerHitList';
import { useCallerFinder } from '../features/callers/use-caller-finder';
import { CustomerField } from '../features/customers/CustomerField';
import { CustomerResults } from '../features/customers/CustomerResults';
import { OpenCustomerCard } from '../features/customers/OpenCustomerCard';
import { UserSearch } from '../features/users/UserSearch';
import { useConsole, type FocusTarget } from '../state/console-state';
import { UserPanel } from './UserPanel';

interface Props {
  settings: SettingsView;
  requestFocus(target: FocusTarget): void;
}

/** Caller (or customer) → user → reset → note, left to right. */
export function ConsolePage({ settings, requestFocus }: Props) {
  const { customer, leftView, userId } = useConsole();
  // The user panel focuses Reset password itself once the user is read.
  const finder = useCallerFinder();
  return (
    <div className="rc-console">
      <Group align="flex-end" gap="md" wrap="nowrap">
        <CallerField finder={finder} />
        <CustomerField />
      </Group>
      <div className="rc-columns">
        <div className="rc-col rc-col-left">
          {leftView === 'callers' ? (
            <div className="rc-scroll">
              <CallerHitList finder={finder} />
            </div>
          ) : leftView === 'users' && customer ? (
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
                  : 'Type the caller’s phone number, Email or name in Find caller and press Enter: it opens their customer and them in one step. Or type the customer’s name or account number in Customer.'}
              </Text>
              <Text c="dimmed" size="sm" mt="xs">
                Esc goes back one step. <Kbd size="xs">/</Kbd> jumps to Find caller, <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">K</Kbd> to Customer, from anywhere.
              </Text>
            </Paper>
          )}
        </div>
      </div>
    </div>
  );
}
