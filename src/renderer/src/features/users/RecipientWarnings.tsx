import { Alert, List, Text } from '@mantine/core';
import type { RecipientInspection } from '../../../../shared/recipient/inspect-recipient';

/**
 * Every character of the recipient made visible: each one that is not printable ASCII spelled as
 * `U+XXXX` with its name, the domain in the `xn--` form the mail really goes to, and the cautions for an
 * Email that is the User ID or on its domain. Shown in the user panel and, the same, in the reset dialog.
 */
export function RecipientWarnings({ inspection }: { inspection: RecipientInspection }) {
  const { characterWarnings, cautions } = inspection;
  return (
    <>
      {characterWarnings.length > 0 && (
        <Alert color="red" variant="light" title="Check every character of this recipient" role="alert">
          <List size="sm" spacing={4}>
            {characterWarnings.map((w) => <List.Item key={w}>{w}</List.Item>)}
          </List>
          {inspection.asciiAddress && inspection.domainDiffers && (
            <Text size="sm" mt={6}>
              Sent to: <Text span ff="monospace" fw={700} inherit>{inspection.asciiAddress}</Text>
            </Text>
          )}
        </Alert>
      )}
      {cautions.length > 0 && (
        <Alert color="orange" variant="light" title="Caution: is this a mailbox the caller reads?" role="alert">
          <List size="sm" spacing={4}>
            {cautions.map((c) => <List.Item key={c.kind}>{c.message}</List.Item>)}
          </List>
        </Alert>
      )}
    </>
  );
}
