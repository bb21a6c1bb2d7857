import { Alert, Button, Checkbox, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import type { Customer, User } from '../../../../shared/domain/portal-entities';
import { inspectRecipient } from '../../../../shared/recipient/inspect-recipient';
import { Address } from '../../components/Address';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorCodeOf, isApiError } from '../../lib/api-error';
import { newIntentId } from '../../lib/intent-id';
import { useTimeFormat } from '../../state/time-format';
import { BlockedNotePanel } from './BlockedNotePanel';
import { EarlierResets, earlierTempPassword } from './EarlierResets';
import { resetWarningsQuery, useRereadUser, useStartReset } from './queries';
import { noVerification, VerificationChoice, verificationOf, type VerificationDraft } from './VerificationChoice';

interface Props {
  customer: Customer;
  user: User & { email: string };
  staffName: string;
  /** The Email was changed in this console for this user this session: ask for a second confirmation. */
  emailChangedHere: boolean;
  /** The recipient warnings, as the user panel shows them. */
  recipientWarnings: ReactNode;
  /** `sent`: the dialog closes because a reset went out (or its outcome is unknown), not because it was cancelled. */
  onClose(sent: boolean): void;
}

/**
 * The confirmation: who (user and customer), the exact address and every unusual character in it, the
 * warnings, and how the caller was verified. One intentId per confirmed address, reused for every click,
 * so however often Send is pressed the portal sends once; a changed address gets a new one.
 */
export function ResetDialog({ customer, user, staffName, emailChangedHere, recipientWarnings, onClose }: Props) {
  const t = useTimeFormat();
  const [intentId, setIntentId] = useState(newIntentId);
  const [verification, setVerification] = useState<VerificationDraft>(noVerification);
  const [acknowledged, setAcknowledged] = useState(false);
  const [secondConfirm, setSecondConfirm] = useState(false);
  const [withoutCheck, setWithoutCheck] = useState(false);
  const [changedFrom, setChangedFrom] = useState<string | null>(null);
  const [blockedAt, setBlockedAt] = useState<string | null>(null);
  const inFlight = useRef(false);
  const startedAt = useRef(0);
  const warnings = useQuery(resetWarningsQuery(customer.id, user.userId));
  const reread = useRereadUser(customer, user.userId);
  const inspection = useMemo(
    () => inspectRecipient({ email: user.email, name: `${user.firstName} ${user.lastName}`, userId: user.userId }),
    [user.email, user.firstName, user.lastName, user.userId],
  );
  const earlier = earlierTempPassword(user.password);
  const differs = user.email.trim().toLowerCase() !== user.userId.trim().toLowerCase();

  const send = useStartReset(customer, user, intentId, () => startedAt.current, () => onClose(true));
  const chosen = verificationOf(verification);
  const checkDone = warnings.isSuccess || (warnings.isError && withoutCheck);
  const ready =
    chosen !== null && (!inspection.needsAcknowledgement || acknowledged) && (!emailChangedHere || secondConfirm) && checkDone;

  async function onEmailChanged(confirmed: string) {
    // Nothing was sent. Show what the portal holds now and ask again, as for a new address: a new intent.
    const fresh = await reread().catch(() => null);
    setVerification(noVerification);
    setAcknowledged(false);
    setSecondConfirm(false);
    setIntentId(newIntentId());
    startedAt.current = 0;
    // Re-read failed: the refusal itself stays on screen (it says to check the new address).
    if (!fresh) return;
    setChangedFrom(confirmed);
    send.reset();
  }

  function onSend() {
    if (!ready || !chosen || inFlight.current || send.isPending) return;
    inFlight.current = true;
    if (startedAt.current === 0) startedAt.current = Date.now();
    const confirmed = user.email;
    send.mutate(
      {
        verification: chosen,
        acknowledgedCharacters: inspection.needsAcknowledgement ? [...new Set(inspection.characters.map((c) => c.codePoint))] : [],
        warningsChecked: warnings.isSuccess,
        replacesEarlier: earlier !== null,
      },
      {
        onSettled: () => { inFlight.current = false; },
        onError: (error) => {
          if (errorCodeOf(error) === 'email_changed') void onEmailChanged(confirmed);
          if (errorCodeOf(error) === 'too_many_resets') setBlockedAt(new Date().toISOString());
        },
      },
    );
  }

  return (
    <Modal opened onClose={() => !send.isPending && onClose(false)} title={<Text fw={700}>Reset password for {user.firstName} {user.lastName}</Text>} size="lg" centered closeButtonProps={{ 'aria-label': 'Close' }}>
      <Stack gap="md">
        <Text size="sm" aria-label="Reset for">
          {user.firstName} {user.lastName}, ext {user.extension} · <b>{customer.name}</b>
          {customer.accountNumber ? ` (account ${customer.accountNumber})` : ''}
        </Text>
        {changedFrom !== null && (
          <Alert color="red" variant="light" title="The Email changed since you opened this dialog" role="alert">
            <Text size="sm">
              You confirmed <Address text={changedFrom} />; the portal now has <b><Address text={user.email} /></b>. Nothing was sent. Check the
              new address with the caller, then confirm again.
            </Text>
          </Alert>
        )}
        <div>
          <Text size="sm">The temporary password will be e-mailed to:</Text>
          <Text fw={700} size="xl" aria-label="Send to"><Address text={user.email} /></Text>
          <Text size="sm" c="dimmed">
            {differs
              ? `This is the user’s Email. It is not the User ID (${user.userId}), which is only the username.`
              : 'This is the user’s Email (the same as the User ID).'}
          </Text>
        </div>
        {recipientWarnings}
        {emailChangedHere && (
          <Alert color="orange" variant="light" title="The Email was changed in this console" role="alert">
            <Text size="sm">
              This user’s Email was changed here during this session. Changing the Email and then resetting is how an account is taken
              over: be sure the caller is this user and the new address is theirs.
            </Text>
          </Alert>
        )}
        {earlier && (
          <Alert color="orange" variant="light" title="This replaces an earlier temporary password" role="alert">
            <Text size="sm">
              The earlier temporary password (sent {t.instant(earlier)}) stops working when you send this one. Tell the caller to use only
              the newest e-mail.
            </Text>
          </Alert>
        )}
        <EarlierResets warnings={warnings} />

        <VerificationChoice value={verification} onChange={setVerification} />
        {inspection.needsAcknowledgement && (
          <Checkbox
            checked={acknowledged}
            onChange={(e) => setAcknowledged(e.currentTarget.checked)}
            label="I have checked every character listed above with the caller: this is their address"
          />
        )}
        {emailChangedHere && (
          <Checkbox
            checked={secondConfirm}
            onChange={(e) => setSecondConfirm(e.currentTarget.checked)}
            label="I confirm again: the caller is this user and the changed Email is theirs"
          />
        )}
        {warnings.isError && (
          <Checkbox checked={withoutCheck} onChange={(e) => setWithoutCheck(e.currentTarget.checked)} label="Send without the check" />
        )}

        {send.isError && !(errorCodeOf(send.error) === 'email_changed' && changedFrom !== null) && (
          <ErrorAlert title="The temporary password was not sent" error={send.error} compact />
        )}
        {send.isError && blockedAt && errorCodeOf(send.error) === 'too_many_resets' && chosen && (
          <BlockedNotePanel reason="too_many_resets" customer={customer} user={user} staffName={staffName} at={blockedAt} verification={chosen}
            retryAt={retryAtOf(send.error, blockedAt)} />
        )}

        <Group justify="flex-end">
          {warnings.isPending && (
            <Group gap="xs" id="reset-check-running"><Loader size="xs" /><Text size="sm" c="dimmed">Checking earlier resets…</Text></Group>
          )}
          <Button variant="default" onClick={() => onClose(false)} disabled={send.isPending}>
            Cancel
          </Button>
          <Button onClick={onSend} disabled={!ready} loading={send.isPending} aria-describedby={warnings.isPending ? 'reset-check-running' : undefined}>
            Send temporary password
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** When the portal allows the next temporary password, from its Retry-After, if it said. */
function retryAtOf(error: unknown, triedAt: string): string | null {
  const seconds = isApiError(error) ? error.retryAfterSeconds : undefined;
  return seconds === undefined ? null : new Date(Date.parse(triedAt) + seconds * 1000).toISOString();
}
