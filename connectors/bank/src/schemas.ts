/** zod schemas of what a bank drop declares about itself (the manifest). Messages in Chinese. */
import { z } from 'zod';

export const DROP_MANIFEST_FILE = 'manifest.json';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const dropManifestSchema = z.object({
  format: z.literal('sg-bank-drop/1', { message: '不支持的投递清单格式' }),
  dropId: z.string().min(1, '投递编号为空'),
  bankCode: z.string().regex(/^[0-9A-Za-z_-]{1,32}$/, '银行代码无效'),
  bankName: z.string().min(1, '银行名称为空'),
  periodStart: isoDate,
  periodEnd: isoDate,
  files: z
    .array(
      z.object({
        file: z
          .string()
          .min(1)
          .refine((name) => !name.includes('/') && !name.startsWith('.'), '文件名不得含路径'),
        rows: z.number().int().nonnegative(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256 应为 64 位十六进制'),
      }),
    )
    .min(1, '投递清单没有文件'),
});

export type DropManifest = z.infer<typeof dropManifestSchema>;
