import { z } from 'zod';

/** The `--data FILE.json` shape the simulator loads (Portal API v1, "Running it"). */
export const dataFileUser = z.object({
  userId: z.string().min(1),
  firstName: z.string(),
  lastName: z.string(),
  extension: z.string(),
  phoneNumber: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  alternateIds: z.array(z.string()).optional(),
  department: z.string().nullable().optional(),
  status: z.enum(['active', 'disabled']).optional(),
  password: z.string().optional(),
  passwordChangedAt: z.string().datetime({ offset: true }).optional(),
});
export const dataFileCustomer = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  accountNumber: z.string().nullable().optional(),
  status: z.enum(['active', 'suspended']).optional(),
  city: z.string().nullable().optional(),
  address: z.string().nullable().optional(),
  primaryContact: z
    .object({ name: z.string().nullable().optional(), email: z.string().nullable().optional(), phone: z.string().nullable().optional() })
    .nullable()
    .optional(),
  createdAt: z.string().datetime({ offset: true }).optional(),
  users: z.array(dataFileUser),
});
export const dataFile = z.object({
  parentAdmins: z.array(z.object({ username: z.string().min(1), password: z.string().min(1) })).min(1),
  customers: z.array(dataFileCustomer),
});
export type DataFile = z.infer<typeof dataFile>;
export type DataFileCustomer = z.infer<typeof dataFileCustomer>;
export type DataFileUser = z.infer<typeof dataFileUser>;
