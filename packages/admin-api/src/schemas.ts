// The inputs of the admin area and the audit viewer: the same zod schemas validate the server's
// procedures and the pages' forms.
import { ROLE_CODES, type Role } from '@sg/access-control';
import { z } from 'zod';

const CODE = /^[a-z][a-z0-9_]{0,63}$/;

export const orgUnitInput = z.object({
  orgUnitId: z.string().regex(CODE, '机构代码须以小写字母开头，仅含小写字母、数字和下划线'),
  parentOrgUnitId: z.string().regex(CODE),
  unitKind: z.enum(['branch', 'department']),
  title: z.string().trim().min(1, '请填写机构名称').max(100),
});
export type OrgUnitInput = z.infer<typeof orgUnitInput>;

export const staffUserInput = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9._]{2,31}$/, '用户名为 3–32 位小写字母、数字、点或下划线'),
  displayName: z.string().trim().min(1, '请填写姓名').max(50),
  orgUnitId: z.string().regex(CODE, '请选择所属机构'),
  password: z.string().min(8, '口令长度至少 8 位').max(128),
});
export type StaffUserInput = z.infer<typeof staffUserInput>;

export const userIdInput = z.object({ userId: z.string().min(1) });

export const passwordResetInput = z.object({
  userId: z.string().min(1),
  newPassword: z.string().min(8, '口令长度至少 8 位').max(128),
});

const roleCodes = ROLE_CODES as unknown as readonly [Role, ...Role[]];
export const roleChangeInput = z.object({ userId: z.string().min(1), role: z.enum(roleCodes) });

export const sessionIdInput = z.object({ sessionId: z.string().min(1) });

export const auditFilterInput = z
  .object({
    actor: z.string().trim().min(1).optional(),
    actions: z.array(z.string().min(1)).max(50).optional(),
    since: z.coerce.date().optional(),
    until: z.coerce.date().optional(),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .refine((filter) => !filter.since || !filter.until || filter.since < filter.until, {
    message: '开始时间须早于结束时间',
    path: ['until'],
  });
export type AuditFilterInput = z.infer<typeof auditFilterInput>;
