import { Button, Group, TextInput } from '@mantine/core';
import type { FormEvent, KeyboardEvent } from 'react';
import { useConsole } from '../../state/console-state';

/** The Customer Service Tool's one field: Enter searches. ArrowDown moves into the results. */
export function CustomerField() {
  const { customerText, setCustomerText, submit, customerInput, setLeftView, submitted, leftView } = useConsole();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (customerText.trim()) submit(customerText);
  }
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      const first = document.querySelector<HTMLElement>('[data-customer-result]');
      if (first) {
        event.preventDefault();
        setLeftView('results');
        first.focus();
      }
    }
  }

  return (
    <form onSubmit={onSubmit} role="search" aria-label="Customer search" style={{ flex: 1, minWidth: 0 }}>
      <Group align="flex-end" gap="sm" wrap="nowrap">
        <TextInput
          ref={customerInput}
          label="Customer"
          description="Customer name or account number; Enter searches."
          placeholder="e.g. Acme Dental or 100-2001"
          value={customerText}
          onChange={(e) => setCustomerText(e.currentTarget.value)}
          onKeyDown={onKeyDown}
          maxLength={100}
          autoComplete="off"
          spellCheck={false}
          style={{ flex: 1, minWidth: 0 }}
          size="md"
        />
        <Button type="submit" size="md" variant="light" disabled={!customerText.trim()}>
          Search
        </Button>
        {submitted && leftView === 'users' && (
          <Button variant="subtle" size="md" onClick={() => setLeftView('results')}>
            Show matches
          </Button>
        )}
      </Group>
    </form>
  );
}
