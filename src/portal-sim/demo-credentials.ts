/** The parent-admin account of the generated directory; only ever valid against the simulator. */
export const demoCredentials: { username: 'helpdesk'; password: string } = { username: 'helpdesk', password: 'Sim-Helpdesk-2026!' };
