import { Radio, Stack, TextInput } from '@mantine/core';
import { otherVerificationText, verificationFrom, type CallerVerification, type CallerVerificationMethod } from '../../../../shared/recipient/caller-verification';

export interface VerificationDraft {
  method: CallerVerificationMethod | null;
  text: string;
}

export const noVerification: VerificationDraft = { method: null, text: '' };

/** The choice as the audit entry and the note record it, or null while it is incomplete. */
export function verificationOf(draft: VerificationDraft): CallerVerification | null {
  return verificationFrom(draft.method, draft.text);
}

/**
 * `Caller verified by`: how, not just whether. A required choice; "Other" needs a few words, which go
 * into the audit entry and the ticket note as typed.
 */
export function VerificationChoice({ value, onChange }: { value: VerificationDraft; onChange(next: VerificationDraft): void }) {
  const tooShort = value.method === 'other' && value.text.trim().length > 0 && value.text.trim().length < otherVerificationText.min;
  return (
    <Stack gap={6}>
      <Radio.Group
        label="Caller verified by"
        withAsterisk
        value={value.method ?? ''}
        onChange={(m) => onChange({ ...value, method: m as CallerVerificationMethod })}
      >
        <Stack gap={6} mt={4}>
          <Radio value="callback" label="Call-back to the number on file" data-autofocus />
          <Radio value="known_contact" label="Known contact at the customer" />
          <Radio value="other" label="Other" />
        </Stack>
      </Radio.Group>
      {value.method === 'other' && (
        <TextInput
          label="How was the caller verified?"
          required
          maxLength={200}
          value={value.text}
          onChange={(e) => onChange({ ...value, text: e.currentTarget.value })}
          error={tooShort ? otherVerificationText.tooShort : undefined}
          placeholder="e.g. asked the account PIN"
        />
      )}
    </Stack>
  );
}
