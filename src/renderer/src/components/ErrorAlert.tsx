import { Alert, Button, Group, Text } from '@mantine/core';
import { isApiError } from '../lib/api-error';

interface Props {
  error: unknown;
  title?: string;
  onRetry?: () => void;
  retrying?: boolean;
  compact?: boolean;
}

/** An error as the staffer sees it: the sentence that says what to do, its code, and a retry where it helps. */
export function ErrorAlert({ error, title, onRetry, retrying, compact }: Props) {
  const apiError = isApiError(error) ? error : null;
  const message = apiError ? apiError.message : error instanceof Error ? error.message : String(error);
  const retryable = apiError ? apiError.retryable : true;
  const wait = apiError?.retryAfterSeconds;
  return (
    <Alert color={retryable ? 'orange' : 'red'} variant="light" title={title ?? 'Something went wrong'} role="alert" p={compact ? 'xs' : undefined}>
      <Text size="sm">{message}</Text>
      <Group justify="space-between" mt={6} gap="xs">
        <Text size="xs" c="dimmed">
          Code: {apiError?.code ?? 'unexpected'}
          {wait !== undefined ? ` · you can try again in ${formatWait(wait)}` : ''}
        </Text>
        {onRetry && retryable && (
          <Button size="compact-sm" variant="default" onClick={onRetry} loading={retrying}>
            Try again
          </Button>
        )}
      </Group>
    </Alert>
  );
}

function formatWait(seconds: number): string {
  if (seconds < 90) return `${seconds} s`;
  return `${Math.ceil(seconds / 60)} min`;
}
