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

export type LeftView = 'results' | 'users';

interface ConsoleState {
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
  customerInput: RefObject<HTMLInputElement | null>;
  userInput: RefObject<HTMLInputElement | null>;
  /** Steps back one level (user → user list → customer results → Customer field). Returns the field to focus. */
  back(): 'customer' | 'users';
}

const Ctx = createContext<ConsoleState | null>(null);

export function ConsoleProvider({ children }: { children: ReactNode }) {
  const [customerText, setCustomerText] = useState('');
  const [submitted, setSubmitted] = useState('');
  const [customer, setCustomer] = useState<Customer | null>(null);
  const [leftView, setLeftView] = useState<LeftView>('results');
  const [userText, setUserText] = useState('');
  const [userId, setUserId] = useState<string | null>(null);
  const [attempt, setAttempt] = useState<ResetAttempt | null>(null);
  const customerInput = useRef<HTMLInputElement | null>(null);
  const userInput = useRef<HTMLInputElement | null>(null);

  const submit = useCallback((value: string) => {
    setSubmitted(value.trim());
    setLeftView('results');
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
  const pickUser = useCallback((id: string | null) => {
    setUserId(id);
    setAttempt((a) => (a && (id === null || a.userId === id) ? a : null));
  }, []);

  const back = useCallback((): 'customer' | 'users' => {
    if (userId) {
      pickUser(null);
      return 'users';
    }
    if (customer && leftView === 'users') {
      if (submitted) setLeftView('results');
      else closeCustomer();
      return 'customer';
    }
    return 'customer';
  }, [userId, customer, leftView, submitted, pickUser, closeCustomer]);

  const value = useMemo<ConsoleState>(
    () => ({
      customerText, setCustomerText, submitted, submit, customer, openCustomer, closeCustomer, leftView, setLeftView,
      userText, setUserText, userId, pickUser, attempt, setAttempt, customerInput, userInput, back,
    }),
    [customerText, submitted, submit, customer, openCustomer, closeCustomer, leftView, userText, userId, pickUser, attempt, back],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useConsole(): ConsoleState {
  const value = useContext(Ctx);
  if (!value) throw new Error('useConsole outside ConsoleProvider');
  return value;
}
