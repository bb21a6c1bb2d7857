import { z } from 'zod';
import { customer, user } from '../domain/portal-entities';
import {
  callerSearchResponse, capSession, changePasswordRequest, customerSearchResponse, endUserSession, endUserSignInRequest,
  forgotPasswordRequest, forgotPasswordResponse, idempotencyKey, passwordResetRequest, passwordResetResponse,
  searchLimit, searchText, sessionToken, signInRequest, updateEmailRequest, userSearchResponse, type PortalErrorCode,
} from './wire';

/**
 * Every call of Portal API v1.1 as data: its path, inputs, answers and the error codes each status
 * carries. The OpenAPI document is generated from this table (scripts/generate-openapi.ts), so the
 * document and the schemas the gateway and the simulator use cannot drift apart.
 */

export type Auth = 'none' | 'parent' | 'cap';

export interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header';
  required: boolean;
  description: string;
  schema: z.ZodType;
}

export interface ErrorAnswer {
  status: number;
  codes: readonly PortalErrorCode[];
  description: string;
  /** `Retry-After` (seconds) comes with the answer. */
  retryAfter?: boolean;
}

export interface Operation {
  operationId: string;
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  portal: 'Parent Admin Portal' | 'Customer Admin Portal' | 'My Phone Next';
  summary: string;
  description: string;
  auth: Auth;
  parameters?: readonly Parameter[];
  body?: { schema: z.ZodType; required: boolean; name: string };
  success: { status: number; description: string; schema?: z.ZodType; name?: string };
  errors: readonly ErrorAnswer[];
}

const userIdParam: Parameter = { name: 'userId', in: 'path', required: true, description: 'The User ID, URL-encoded (it looks like an e-mail address).', schema: z.string().min(1) };
const customerIdParam: Parameter = { name: 'customerId', in: 'path', required: true, description: 'The customer id from a customer lookup.', schema: z.string().min(1) };
const limitParam: Parameter = { name: 'limit', in: 'query', required: false, description: 'How many to answer, 1–200 (default 50).', schema: searchLimit };

const badBody: ErrorAnswer = { status: 400, codes: ['invalid_request'], description: 'Malformed JSON, a missing field or a wrong type.' };
const tooLarge: ErrorAnswer = { status: 413, codes: ['payload_too_large'], description: 'The request body is over 64 KiB.' };
const expired: ErrorAnswer = { status: 401, codes: ['session_expired'], description: 'The token is missing, unknown or expired (30 minutes after its last use).' };
const notFound = (what: string): ErrorAnswer => ({ status: 404, codes: ['not_found'], description: what });

export const operations: readonly Operation[] = [
  {
    operationId: 'signIn', method: 'post', path: '/pap/v1/sessions', portal: 'Parent Admin Portal', auth: 'none',
    summary: 'Parent-admin sign-in',
    description: 'The 5th failed try in a row for one username still answers 401; for the 15 minutes after it every try, the right password included, answers 423. A successful sign-in resets the count.',
    body: { schema: signInRequest, required: true, name: 'SignInRequest' },
    success: { status: 201, description: 'Signed in.', schema: sessionToken, name: 'SessionToken' },
    errors: [badBody, { status: 401, codes: ['invalid_credentials'], description: 'Wrong username or password.' }, tooLarge, { status: 423, codes: ['account_locked'], description: 'Locked after five failures in a row.', retryAfter: true }],
  },
  {
    operationId: 'signOut', method: 'delete', path: '/pap/v1/sessions/current', portal: 'Parent Admin Portal', auth: 'parent',
    summary: 'Parent-admin sign-out', description: 'The parent token is unknown afterwards. CAP tokens it opened stay valid.',
    success: { status: 204, description: 'Signed out.' }, errors: [expired],
  },
  {
    operationId: 'findCustomers', method: 'get', path: '/pap/v1/customers', portal: 'Parent Admin Portal', auth: 'parent',
    summary: 'Customer lookup (Customer Service Tool)',
    description: 'Ignoring case and accents, a customer matches when every word of the query is a prefix of some word of its name, or the whole query is a substring of its name. Order: the exact name first, then word-prefix matches, then substring matches, each group by name. `total` counts all matches.',
    parameters: [{ name: 'name', in: 'query', required: true, description: 'Part of the customer name; not blank, at most 100 characters.', schema: searchText }, limitParam],
    success: { status: 200, description: 'Matching customers, best first.', schema: customerSearchResponse, name: 'CustomerSearchResponse' },
    errors: [{ status: 400, codes: ['invalid_query'], description: 'Blank name, over 100 characters, or a bad limit.' }, expired],
  },
  {
    operationId: 'getCustomer', method: 'get', path: '/pap/v1/customers/{customerId}', portal: 'Parent Admin Portal', auth: 'parent',
    summary: 'Customer information', description: 'The customer with address, primary contact and creation time.',
    parameters: [customerIdParam],
    success: { status: 200, description: 'The customer.', schema: customer, name: 'Customer' },
    errors: [expired, notFound('No customer has this id.')],
  },
  {
    operationId: 'accessCap', method: 'post', path: '/pap/v1/customers/{customerId}/cap-sessions', portal: 'Parent Admin Portal', auth: 'parent',
    summary: 'Access CAP', description: "Opens the customer's Admin Portal: a CAP token scoped to this customer (another customer's users answer 404), independent of the parent token.",
    parameters: [customerIdParam],
    success: { status: 201, description: 'A CAP session.', schema: capSession, name: 'CapSession' },
    errors: [expired, { status: 403, codes: ['customer_suspended'], description: 'The customer is suspended.' }, notFound('No customer has this id.')],
  },
  {
    operationId: 'findCaller', method: 'get', path: '/pap/v1/users', portal: 'Parent Admin Portal', auth: 'parent',
    summary: 'Find a caller across all customers (v1.1)',
    description:
      'The query is read in this order; the first reading that matches anything decides `matchedOn`. ' +
      '**phone**: at least 6 digits and nothing but digits, spaces, `+ - . ( )`; `(0)` after a country code, a leading `00` and then a leading `0` are dropped; a user matches when the digits of their phone number end with the rest. ' +
      '**email / userId**: the query contains `@`; Email or User ID equals it, ignoring case. ' +
      '**name**: as the CAP user search. **extension**: 1–6 digits, equal to the extension. ' +
      'Users of suspended customers and disabled users are included. Order: `matchedOn` in that order, then last name, first name, customer name, User ID.',
    parameters: [{ name: 'q', in: 'query', required: true, description: 'Phone number, e-mail address, User ID, name or extension; not blank, at most 100 characters.', schema: searchText }, limitParam],
    success: { status: 200, description: 'Matching users with their customers, best first.', schema: callerSearchResponse, name: 'CallerSearchResponse' },
    errors: [{ status: 400, codes: ['invalid_query'], description: 'Blank q, over 100 characters, or a bad limit.' }, expired],
  },
  {
    operationId: 'searchUsers', method: 'get', path: '/cap/v1/users', portal: 'Customer Admin Portal', auth: 'cap',
    summary: "Search the customer's users",
    description: 'q matches first name, last name, "first last" (prefix, ignoring case and accents) and extension (digit prefix); blank q lists all users; disabled users are included. Order: last name, first name, User ID.',
    parameters: [
      { name: 'q', in: 'query', required: false, description: 'Name or extension prefix; blank lists everyone.', schema: z.string() },
      limitParam,
      { name: 'cursor', in: 'query', required: false, description: 'The `nextCursor` of the previous page (opaque).', schema: z.string() },
    ],
    success: { status: 200, description: 'One page of users.', schema: userSearchResponse, name: 'UserSearchResponse' },
    errors: [{ status: 400, codes: ['invalid_request'], description: 'A bad limit or cursor.' }, expired],
  },
  {
    operationId: 'getUser', method: 'get', path: '/cap/v1/users/{userId}', portal: 'Customer Admin Portal', auth: 'cap',
    summary: 'User details', description: 'The user with phone number, alternate IDs, department and password state.',
    parameters: [userIdParam],
    success: { status: 200, description: 'The user.', schema: user, name: 'User' },
    errors: [expired, notFound('This customer has no user with that User ID.')],
  },
  {
    operationId: 'updateEmail', method: 'patch', path: '/cap/v1/users/{userId}', portal: 'Customer Admin Portal', auth: 'cap',
    summary: "Change the user's Email", description: '`null` clears the Email. An address needs a local part, `@` and a dotted domain.',
    parameters: [userIdParam], body: { schema: updateEmailRequest, required: true, name: 'UpdateEmailRequest' },
    success: { status: 200, description: 'The user after the change.', schema: user, name: 'User' },
    errors: [badBody, expired, notFound('This customer has no user with that User ID.'), tooLarge, { status: 422, codes: ['invalid_email'], description: 'Not an e-mail address.' }],
  },
  {
    operationId: 'resetPassword', method: 'post', path: '/cap/v1/users/{userId}/password-resets', portal: 'Customer Admin Portal', auth: 'cap',
    summary: 'Send a temporary password',
    description:
      "E-mails a temporary password to the user's **Email** (never to the User ID), valid 24 hours; it voids the current password and any earlier temporary one. " +
      'The same key for the same user answers the same body again and sends nothing. Checked in this order: 404, 400, 409 `user_disabled`, 409 `no_email`, 409 `email_changed` (v1.1: `expectedEmail` given and different, ignoring case; nothing is sent), 429.',
    parameters: [userIdParam, { name: 'Idempotency-Key', in: 'header', required: true, description: '8–128 characters; one per reset the staffer means to send.', schema: idempotencyKey }],
    body: { schema: passwordResetRequest, required: false, name: 'PasswordResetRequest' },
    success: { status: 202, description: 'The temporary password was e-mailed.', schema: passwordResetResponse, name: 'PasswordResetResponse' },
    errors: [
      { status: 400, codes: ['idempotency_key_required', 'invalid_request'], description: 'The Idempotency-Key is missing or of the wrong length, or the body is not valid.' },
      expired,
      notFound('This customer has no user with that User ID.'),
      { status: 409, codes: ['user_disabled', 'no_email', 'email_changed'], description: 'Nothing was sent: the user is disabled, has no Email, or the Email is not the expected one.' },
      tooLarge,
      { status: 429, codes: ['too_many_resets'], description: 'A 6th temporary password within a rolling hour (resets and forgot-password together).', retryAfter: true },
    ],
  },
  {
    operationId: 'forgotPassword', method: 'post', path: '/mpn/v1/password/forgot', portal: 'My Phone Next', auth: 'none',
    summary: '"Forgot Password?"', description: 'Always 202, whether or not the user exists. An existing, active user with an Email under the hourly limit is sent a temporary password.',
    body: { schema: forgotPasswordRequest, required: true, name: 'ForgotPasswordRequest' },
    success: { status: 202, description: 'Accepted.', schema: forgotPasswordResponse, name: 'ForgotPasswordResponse' },
    errors: [badBody, tooLarge],
  },
  {
    operationId: 'endUserSignIn', method: 'post', path: '/mpn/v1/sessions', portal: 'My Phone Next', auth: 'none',
    summary: 'End-user sign-in', description: 'The username is the User ID, matched ignoring case.',
    body: { schema: endUserSignInRequest, required: true, name: 'EndUserSignInRequest' },
    success: { status: 201, description: 'Signed in.', schema: endUserSession, name: 'EndUserSession' },
    errors: [
      badBody,
      { status: 401, codes: ['invalid_credentials', 'temp_password_expired'], description: 'Wrong credentials or a disabled user; or a temporary password older than 24 hours.' },
      { status: 403, codes: ['password_change_required', 'password_expired'], description: 'A valid temporary password, or a password older than 90 days: `changeToken` is in the error.' },
      tooLarge,
    ],
  },
  {
    operationId: 'changePassword', method: 'post', path: '/mpn/v1/password/change', portal: 'My Phone Next', auth: 'none',
    summary: 'Choose a new password', description: 'Voids the temporary password, sets `changedAt` and uses the change token up.',
    body: { schema: changePasswordRequest, required: true, name: 'ChangePasswordRequest' },
    success: { status: 204, description: 'Changed.' },
    errors: [
      badBody,
      { status: 401, codes: ['session_expired'], description: 'Unknown or expired change token.' },
      tooLarge,
      { status: 422, codes: ['policy_violation'], description: '`violations` lists every rule broken; the change token stays valid.' },
    ],
  },
];

/** Answers any route can give, whatever the operation. */
export const routeErrors: readonly ErrorAnswer[] = [
  { status: 404, codes: ['not_found'], description: 'An unknown route.' },
  { status: 405, codes: ['method_not_allowed'], description: 'A known route with the wrong method; `Allow` lists the right ones.' },
];
