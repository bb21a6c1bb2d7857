import { AppShell, Badge, Group, Kbd, NavLink, Text, Title, Tooltip } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { AppInfo, SettingsView } from '../../shared/ipc/contract';
import { OfflineBanner, type SignedOut } from './components/OfflineBanner';
import { SignedOutConsole } from './components/SignedOutConsole';
import { ConsolePage } from './screens/ConsolePage';
import { ConsoleProvider, useConsole, type FocusTarget } from './state/console-state';
import { TimeFormatProvider } from './state/time-format';
import { HistoryPage } from './features/history/HistoryPage';
import { SettingsPage } from './features/settings/SettingsPage';
import { hrefOf, navigate, useRoute, type Route } from './lib/route';

interface Props {
  info: AppInfo;
  settings: SettingsView;
  /** Started with no credential and the portal down: History read-only, sign-in offered. */
  signedOut?: SignedOut;
}

export function Shell(props: Props) {
  return (
    <TimeFormatProvider timeZone={props.settings.timeZone}>
      <ConsoleProvider>
        <ShellInner {...props} />
      </ConsoleProvider>
    </TimeFormatProvider>
  );
}

function portalLabel(mode: string): string {
  if (mode === 'demo') return 'Demo portal';
  try {
    return new URL(mode).host;
  } catch {
    return mode;
  }
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type);
  }
  return false;
}

function modalOpen(event?: KeyboardEvent): boolean {
  // A dialog handles its own Esc (and may already have closed by the time the event reaches the window).
  if (event?.target instanceof Element && event.target.closest('[role="dialog"], .mantine-Modal-root')) return true;
  return document.querySelector('[role="dialog"][aria-modal="true"], .mantine-Modal-root [role="dialog"]') !== null;
}

function ShellInner({ info, settings, signedOut }: Props) {
  const route = useRoute();
  const state = useConsole();
  const [focusRequest, setFocusRequest] = useState<{ target: FocusTarget; n: number } | null>(null);

  const requestFocus = useCallback((target: FocusTarget) => {
    setFocusRequest((prev) => ({ target, n: (prev?.n ?? 0) + 1 }));
  }, []);

  // Focus once the console is on screen (it may be mounting after a route change).
  useEffect(() => {
    if (!focusRequest || route !== 'console') return;
    const id = requestAnimationFrame(() => {
      const { target } = focusRequest;
      const el =
        target === 'users' ? (state.userInput.current ?? state.customerInput.current) : target === 'caller' ? state.callerInput.current : state.customerInput.current;
      if (el) {
        el.focus();
        if (target !== 'users') el.select();
      }
    });
    return () => cancelAnimationFrame(id);
  }, [focusRequest, route, state.userInput, state.customerInput, state.callerInput]);

  const { back } = state;
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented) return;
      const mod = event.ctrlKey || event.metaKey;
      if (mod && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
        if (modalOpen(event)) return;
        event.preventDefault();
        navigate('console');
        requestFocus('customer');
        return;
      }
      // `/` is the caller's number on the phone's display; Ctrl+K the customer's name.
      if (event.key === '/' && !mod && !event.altKey && !isTyping(event.target) && !modalOpen(event)) {
        event.preventDefault();
        navigate('console');
        requestFocus('caller');
        return;
      }
      if (event.key === 'Escape' && !modalOpen(event)) {
        event.preventDefault();
        if (route !== 'console') {
          navigate('console');
          requestFocus('caller');
          return;
        }
        requestFocus(back());
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [route, back, requestFocus]);

  const nav: { route: Route; label: string; hint: string }[] = [
    { route: 'console', label: 'Console', hint: 'Find a customer and user, send a temporary password' },
    { route: 'history', label: 'History', hint: 'Resets done from this console' },
    { route: 'settings', label: 'Settings', hint: 'Your name, portal and credentials' },
  ];

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: { base: 160, lg: 200 }, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Title order={1} size="h4">Reset Console</Title>
            <Tooltip label={settings.portalMode === 'demo' ? 'The built-in portal simulator' : settings.portalMode}>
              <Badge variant="light" color={settings.portalMode === 'demo' ? 'grape' : 'blue'} tt="none">
                {portalLabel(settings.portalMode)}
              </Badge>
            </Tooltip>
          </Group>
          <Group gap="lg" wrap="nowrap">
            {/* Below 1200 px the console page itself says which keys jump where. */}
            <Text size="sm" c="dimmed" visibleFrom="lg">
              Find caller <Kbd size="xs">/</Kbd> · Customer <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">K</Kbd>
            </Text>
            <Text size="sm">
              Parent admin: <b>{settings.credential?.username ?? 'not signed in'}</b>
              {settings.credential?.storage === 'session' ? ' (this session only)' : ''}
            </Text>
            <Text size="sm">
              Staff:{' '}
              {settings.staffName ? (
                <b>{settings.staffName}</b>
              ) : (
                <a href={hrefOf('settings')}>set your name</a>
              )}
            </Text>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <nav aria-label="Main">
          {nav.map((item) => (
            <NavLink
              key={item.route}
              component="a"
              href={hrefOf(item.route)}
              label={item.label}
              title={item.hint}
              active={route === item.route}
              aria-current={route === item.route ? 'page' : undefined}
              mb={4}
            />
          ))}
        </nav>
      </AppShell.Navbar>
      <AppShell.Main className="rc-main">
        <OfflineBanner {...(signedOut ? { signedOut } : {})} />
        <div className="rc-page">
          {route === 'console' && (signedOut ? <SignedOutConsole onSignIn={signedOut.onSignIn} /> : <ConsolePage settings={settings} requestFocus={requestFocus} />)}
          {route === 'history' && <HistoryPage settings={settings} />}
          {route === 'settings' && <SettingsPage info={info} settings={settings} />}
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
