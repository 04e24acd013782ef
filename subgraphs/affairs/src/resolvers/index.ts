import type { AffairsContext } from '../context.js';
import { saveDraft, type DraftInput } from '../modules/application/application.draft.js';
import {
  applicationFor,
  departmentInbox,
  myApplications,
  type InboxFilter,
} from '../modules/application/application.read.js';
import { assignApplications, type AssignInput } from '../modules/application/application.assign.js';
import {
  claimApplication,
  decideExtension,
  requestExtension,
} from '../modules/application/application.staff.js';
import { startApplication } from '../modules/application/application.start.js';
import { actOnApplication, type ActionInput } from '../modules/application/application.transition.js';
import { affairsDataExport } from '../modules/data-export/export.js';
import { removeMaterialFile, requestMaterialUpload } from '../modules/files/files.service.js';
import { markNotificationsRead, myNotifications } from '../modules/notification/notification.service.js';
import {
  rateApplication,
  rectificationTasks,
  respondToRectification,
  type RatingInput,
} from '../modules/rating/rating.service.js';
import type { AffairsServices } from '../services.js';
import { adminMutations, adminQueries, calendarDayFields, ruleSetFields } from './admin.js';
import { applicationResolvers } from './Application.js';
import { notificationFields, ratingFields, rectificationFields } from './feedback.js';

type Ctx = AffairsContext;
type Paged = { first?: number | null; after?: string | null };

// Who may call what is declared in schema.graphql (@public / @auth) and enforced by kit; which
// application a caller may see or act on (their own; their department's) is checked here, per row.
export function createResolvers(services: AffairsServices) {
  return {
    Query: {
      application: (_: unknown, { id }: { id: string }, ctx: Ctx) => applicationFor(ctx.em, ctx.viewer, id),
      myApplications: (_: unknown, args: Paged & { states?: string[] | null }, ctx: Ctx) =>
        myApplications(ctx.em, ctx.viewer, args),
      applicationInbox: (_: unknown, args: Paged & { filter?: InboxFilter | null }, ctx: Ctx) =>
        departmentInbox(ctx.em, ctx.viewer, args, services.now()),
      myNotifications: (_: unknown, args: Paged & { unreadOnly?: boolean | null }, ctx: Ctx) =>
        myNotifications(ctx.em, ctx.viewer, args),
      rectificationTasks: (_: unknown, args: Paged & { openOnly?: boolean | null }, ctx: Ctx) =>
        rectificationTasks(ctx.em, ctx.viewer, args),
      myAffairsDataExport: (_: unknown, __: unknown, ctx: Ctx) => affairsDataExport(ctx.em, ctx.viewer),
      ...adminQueries,
    },
    Mutation: {
      startApplication: (_: unknown, { itemId }: { itemId: string }, ctx: Ctx) =>
        startApplication(ctx.em.fork(), services, ctx.viewer, itemId, ctx.locale, ctx.requestId),
      saveApplicationDraft: (
        _: unknown,
        args: { id: string; expectedVersion: number; input: DraftInput },
        ctx: Ctx,
      ) => saveDraft(ctx.em.fork(), services, ctx.viewer, args, ctx.locale, ctx.requestId),
      actOnApplication: (
        _: unknown,
        args: { id: string; expectedVersion: number; action: string; input?: ActionInput | null },
        ctx: Ctx,
      ) =>
        actOnApplication(
          ctx.em.fork(),
          services,
          ctx.viewer,
          { ...args, input: args.input ?? {} },
          ctx.locale,
          ctx.requestId,
        ),
      requestMaterialUpload: (
        _: unknown,
        args: { id: string; materialId: string; fileName: string; contentType: string; size: number },
        ctx: Ctx,
      ) => requestMaterialUpload(ctx.em.fork(), services, ctx.viewer, args, ctx.locale),
      removeMaterialFile: (
        _: unknown,
        args: { id: string; expectedVersion: number; fileId: string },
        ctx: Ctx,
      ) => removeMaterialFile(ctx.em.fork(), services, ctx.viewer, args, ctx.locale, ctx.requestId),
      claimApplication: (
        _: unknown,
        args: { id: string; expectedVersion: number; release?: boolean | null },
        ctx: Ctx,
      ) => claimApplication(ctx.em.fork(), services, ctx.viewer, args, ctx.locale, ctx.requestId),
      assignApplications: (_: unknown, args: AssignInput, ctx: Ctx) =>
        assignApplications(ctx.em, services, ctx.viewer, args, ctx.locale, ctx.requestId),
      requestExtension: (
        _: unknown,
        args: { id: string; expectedVersion: number; workingDays: number; reason: string },
        ctx: Ctx,
      ) => requestExtension(ctx.em.fork(), services, ctx.viewer, args, ctx.locale, ctx.requestId),
      decideExtension: (
        _: unknown,
        args: { id: string; expectedVersion: number; approve: boolean; comment?: string | null },
        ctx: Ctx,
      ) => decideExtension(ctx.em.fork(), services, ctx.viewer, args, ctx.locale, ctx.requestId),
      rateApplication: (_: unknown, args: { id: string; input: RatingInput }, ctx: Ctx) =>
        rateApplication(ctx.em.fork(), services, ctx.viewer, args, ctx.locale),
      respondToRectification: (_: unknown, args: { id: string; response: string }, ctx: Ctx) =>
        respondToRectification(ctx.em.fork(), services, ctx.viewer, args, ctx.locale),
      markNotificationsRead: (_: unknown, { ids }: { ids?: string[] | null }, ctx: Ctx) =>
        markNotificationsRead(ctx.em.fork(), ctx.viewer, ids, services.now()),
      ...adminMutations(services),
    },
    Application: applicationResolvers(services),
    Rating: ratingFields,
    RectificationTask: rectificationFields,
    Notification: notificationFields,
    CalendarDay: calendarDayFields,
    RuleSet: ruleSetFields,
  };
}
