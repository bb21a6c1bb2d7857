/**
 * The manual procedure the console replaces (DESIGN.md, "The manual procedure it replaces", steps 1–6;
 * steps 7–8 are the user's), as the staffer's actions: a click, or a keystroke group (text, then Enter).
 * An honest estimate from the description, not a timed run; kept as data so it can be argued with.
 */
export const manualProcedure: { step: string; what: string; actions: number }[] = [
  { step: '1.', what: 'open the Parent Admin Portal, copy the shared password from the password manager, username, password + Enter', actions: 4 },
  { step: '2.', what: 'Admin menu, Customer Service Tool, customer name + Enter', actions: 3 },
  { step: '3.', what: 'Access CAP', actions: 1 },
  { step: '4.', what: 'Users tab, name or extension + Enter, Actions, Edit', actions: 4 },
  { step: '5.', what: 'User Information tab, read the Email and compare it with the User ID', actions: 1 },
  { step: '6.', what: 'Reset Password, confirm', actions: 2 },
];

export const manualActionCount = manualProcedure.reduce((sum, s) => sum + s.actions, 0);
