import { z } from 'zod';
import { CATEGORIES, CHANNELS, ITEM_KINDS, POINT_TYPES } from '../../db/seeds/data/types.js';

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** Validation of `ServiceItemInput`; the GraphQL types check shapes, this checks meaning. */
export const serviceItemInput = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Z]{2,4}-\d{3,5}$/, 'must look like GA-002'),
    name: text(200),
    nameEn: text(300),
    departmentCode: text(16),
    category: z.enum(CATEGORIES),
    kind: z.enum(ITEM_KINDS),
    lifeEvents: z.array(text(32)).max(10),
    keywords: z.array(text(30)).max(20),
    summary: text(2000),
    eligibility: text(2000),
    materials: z
      .array(
        z.object({
          name: text(200),
          description: text(1000),
          originals: z.number().int().min(0).max(20),
          copies: z.number().int().min(0).max(20),
          required: z.boolean(),
          fromLicenceType: z
            .string()
            .trim()
            .regex(/^[A-Z_]{2,40}$/)
            .nullish(),
        }),
      )
      .max(40),
    legalDays: z.number().int().min(0).max(3650),
    promisedDays: z.number().int().min(0).max(3650),
    fee: z.object({
      free: z.boolean(),
      amountYuan: z.number().min(0).max(1_000_000).nullish(),
      basis: z.string().trim().max(500).nullish(),
      note: z.string().trim().max(500).nullish(),
    }),
    channels: z.array(z.enum(CHANNELS)).min(1, 'needs at least one channel').max(3),
    visits: z.number().int().min(0).max(2),
    instantApproval: z.boolean(),
    legalBasis: z.array(text(500)).max(20),
    faq: z.array(z.object({ question: text(300), answer: text(2000) })).max(30),
    handledAt: z.array(z.enum(POINT_TYPES)).max(POINT_TYPES.length),
  })
  .superRefine((v, ctx) => {
    if (v.promisedDays > v.legalDays) {
      ctx.addIssue({ code: 'custom', path: ['promisedDays'], message: 'must not exceed legalDays' });
    }
    if (!v.fee.free && (v.fee.amountYuan == null || v.fee.amountYuan <= 0)) {
      ctx.addIssue({
        code: 'custom',
        path: ['fee', 'amountYuan'],
        message: 'is required when the item is not free',
      });
    }
    if (v.handledAt.length === 0 && v.channels.includes('IN_PERSON')) {
      ctx.addIssue({
        code: 'custom',
        path: ['handledAt'],
        message: 'in-person items need at least one kind of service point',
      });
    }
  });
export type ServiceItemInput = z.infer<typeof serviceItemInput>;
