import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { ResetOutcome } from '../../../shared/ipc/contract';
import type { Customer, User } from '../../../shared/domain/portal-entities';

/** The last reset attempt on this screen, kept until another user is picked. */
export interface ResetAttempt {
  customerId: string;
  userId: string;
  /** When the staffer pressed Send (local clock), to judge a later status check. */
  startedAt: number;
  outcome: ResetOutcome;
  /** For `unknown`: the user as re-read by "Check status", when, and whether main found the reset went through. */
  checked: { user: User; at: number; wentThrough: boolean } | null;
}

/** The left column: customer results, the open customer's users, or Find caller's hits. */
export type LeftView = 'results' | 'users' | 'callers';

interface ConsoleState {
  callerText: string;
  /** Typing in Find caller shows its hits in the left column; clearing it goes back to what was there. */
  setCallerText(value: string): void;
  customerText: string;
  setCustomerText(value: string): void;
  /** The customer search that was submitted with Enter ('' = none yet). */
  submitted: string;
  submit(value: string): void;
  customer: Customer | null;
  openCustomer(customer: Customer): void;
  closeCustomer(): void;
  leftView: LeftView;
  setLeftView(view: LeftView): void;
  userText: string;
  setUserText(value: string): void;
  userId: string | null;
  pickUser(userId: string | null): void;
  attempt: ResetAttempt | null;
  setAttempt(attempt: ResetAttempt | null): void;
  callerInput: RefObject<HTMLInputElement | null>;
  customerInput: RefObject<HTMLInputElement | null>;
  userInput: RefObject<HTMLInputElement | null>;
  /** Steps back one level (user → user list → customer results → Customer field). Returns the field to focus. */
  back(): FocusTarget;
}

export type FocusTarget = 'caller' | 'customer' | 'users';

const Ctx = createContext<ConsoleState | null>(null);

export function ConsoleProvider({ children }: { children: ReactNode }) {
  const [callerText, setCallerTextState] = useState('');
  const [customerText, setCustomerText] = useState('');
  const [submitted, setSubmitted] = useState('');
  const [customer, setCustomer] = useState<Customer | null>(null);
  const [leftView, setLeftView] = useState<LeftView>('results');
  const [userText, setUserText] = useState('');
  const [userId, setUserId] = useState<string | null>(null);
  const [attempt, setAttempt] = useState<ResetAttempt | null>(null);
  const customerInput = useRef<HTMLInputElement | null>(null);
  const callerInput = useRef<HTMLInputElement | null>(null);
  const userInput = useRef<HTMLInputElement | null>(null);

  // The user panel belongs to its customer: a new search takes the previous user out of reach at once.
  const submit = useCallback((value: string) => {
    setSubmitted(value.trim());
    setLeftView('results');
    setUserId(null);
    setAttempt(null);
  }, []);
  const openCustomer = useCallback((c: Customer) => {
    setCustomer(c);
    setLeftView('users');
    setUserText('');
    setUserId(null);
    setAttempt(null);
  }, []);
  const closeCustomer = useCallback(() => {
    setCustomer(null);
    setLeftView('results');
    setUserId(null);
    setAttempt(null);
  }, []);
  const setCallerText = useCallback(
    (value: string) => {
      setCallerTextState(value);
      setLeftView((view) => (value.trim() !== '' ? 'callers' : view !== 'callers' ? view : customer ? 'users' : 'results'));
    },
    [customer],
  );
  const pickUser = useCallback((id: string | null) => {
    setUserId(id);
    setAttempt((a) => (a && (id === null || a.userId === id) ? a : null));
  }, []);

  const back = useCallback((): FocusTarget => {
    if (userId) {
      pickUser(null);
      return 'users';
    }
    if (leftView === 'callers') {
      setCallerText('');
      return 'caller';
    }
    if (customer && leftView === 'users') {
      if (submitted) setLeftView('results');
      else closeCustomer();
      return 'customer';
    }
    return 'customer';
  }, [userId, customer, leftView, submitted, pickUser, closeCustomer, setCallerText]);

  const value = useMemo<ConsoleState>(
    () => ({
      callerText, setCallerText, customerText, setCustomerText, submitted, submit, customer, openCustomer, closeCustomer, leftView, setLeftView,
      userText, setUserText, userId, pickUser, attempt, setAttempt, callerInput, customerInput, userInput, back,
    }),
    [callerText, setCallerText, customerText, submitted, submit, customer, openCustomer, closeCustomer, leftView, userText, userId, pickUser, attempt, back],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useConsole(): ConsoleState {
  const value = useContext(Ctx);
  if (!value) throw new Error('useConsole outside ConsoleProvider');
  return value;
}
