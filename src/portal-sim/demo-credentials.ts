/** The parent-admin account of the generated directory; only ever valid against the simulator. */
export const demoCredentials = { username: 'helpdesk', password: 'Sim-Helpdesk-2026!' } as const satisfies {
  username: 'helpdesk';
  password: string;
};
