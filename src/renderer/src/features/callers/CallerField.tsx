import { Loader, TextInput } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import { markConsoleInteractive } from '../../lib/startup-mark';
import { useConsole } from '../../state/console-state';
import { hitOptionId } from './CallerHitList';
import type { CallerFinder } from './use-caller-finder';

export const CALLER_LIST_ID = 'caller-hits';

/**
 * Find caller: a phone number in any common format, an Email or User ID, a name or an extension, across every
 * customer. Focused when the console opens and by `/`. The field keeps focus; ↑ ↓ move the active hit
 * (aria-activedescendant), Enter opens its customer and user in one step.
 */
export function CallerField({ finder }: { finder: CallerFinder }) {
  const { setCallerText, callerInput, setLeftView, leftView } = useConsole();
  const listShown = leftView === 'callers' && finder.query !== '';
  const activeHit = listShown ? finder.hits[finder.active] : undefined;

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown': event.preventDefault(); finder.move(finder.active + 1); break;
      case 'ArrowUp': event.preventDefault(); finder.move(finder.active - 1); break;
      case 'Home': if (finder.hits.length > 0 && event.ctrlKey) { event.preventDefault(); finder.move(0); } break;
      case 'Enter':
        event.preventDefault();
        setLeftView(finder.query !== '' ? 'callers' : leftView);
        finder.openActive();
        break;
      default:
    }
  }

  return (
    <TextInput
      ref={callerInput}
      label="Find caller"
      description="Phone number, Email, User ID, name or extension; all customers."
      placeholder="e.g. 0117 946 2207 or Jane Smith"
      value={finder.text}
      onChange={(e) => { setCallerText(e.currentTarget.value); finder.typed(); }}
      onKeyDown={onKeyDown}
      maxLength={100}
      autoComplete="off"
      spellCheck={false}
      autoFocus
      role="combobox"
      aria-expanded={listShown}
      aria-autocomplete="list"
      aria-controls={listShown ? CALLER_LIST_ID : undefined}
      aria-activedescendant={activeHit ? hitOptionId(activeHit) : undefined}
      onFocus={() => {
        markConsoleInteractive();
        // Back in the field with text in it (`/`, a click): its hits come back in the left column.
        if (finder.text.trim() !== '') setLeftView('callers');
      }}
      rightSection={finder.searching ? <Loader size="xs" /> : null}
      style={{ flex: 1, minWidth: 0 }}
      size="md"
    />
  );
}
