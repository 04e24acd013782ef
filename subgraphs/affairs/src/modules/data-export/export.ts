import type { EntityManager } from '@mikro-orm/core';
import type { Viewer } from '@bianmin/kit';
import { Application, ApplicationEvent } from '../application/application.entity.js';
import { MaterialFile } from '../files/material-file.entity.js';
import { Notification } from '../notification/notification.entity.js';
import { Rating, RectificationTask } from '../rating/rating.entity.js';

/** The version of the `data` shape below; raise it when the shape changes. */
export const AFFAIRS_EXPORT_VERSION = 1;
/** At most this many applications in one export (a person has a handful; the bound keeps it cheap). */
const MAX_APPLICATIONS = 1000;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/**
 * The affairs section of "download my data" (PIPL 第四十五条): the person's applications with
 * their terms, answers, materials (licence consents; uploaded files by name, type, size and
 * checksum — the files themselves stay downloadable from the application page), history,
 * ratings with the department's answers, and notifications. Null for a viewer who is not a person.
 * Staff comments and who handled it are the person's case record and included; staff account ids
 * are not (they identify staff, not the person).
 */
export async function affairsDataExport(em: EntityManager, viewer: Viewer): Promise<string | null> {
  if (!viewer.personId) return null;
  const personId = viewer.personId;
  const apps = (await em.find(
    Application,
    { personId },
    { orderBy: { createdAt: 'asc' }, limit: MAX_APPLICATIONS },
  )) as Application[];
  const ids = apps.map((a) => a.id);
  const [steps, files, ratings, notifications] = await Promise.all([
    em.find(ApplicationEvent, { applicationId: { $in: ids } }, { orderBy: { seq: 'asc' } }),
    em.find(MaterialFile, { applicationId: { $in: ids } }, { orderBy: { uploadedAt: 'asc' } }),
    em.find(Rating, { personId }),
    em.find(Notification, { personId }, { orderBy: { createdAt: 'asc' } }),
  ]);
  const tasks = await em.find(RectificationTask, { ratingId: { $in: ratings.map((r) => r.id) } });
  const data = {
    applications: apps.map((a) => ({
      id: a.id,
      reference: a.reference,
      item: { id: a.itemId, code: a.itemCode, name: a.terms.name },
      department: { code: a.departmentCode, name: a.terms.departmentName },
      state: a.state,
      formAnswers: a.formAnswers,
      materials: a.materials.map((m) => ({
        id: m.id,
        name: a.terms.materials.find((t) => t.id === m.id)?.name ?? m.id,
        source: m.source,
        licence: m.licence,
        correction: m.correction,
        files: files
          .filter((f) => f.applicationId === a.id && f.materialId === m.id)
          .map((f) => ({
            fileName: f.fileName,
            contentType: f.contentType,
            size: f.size,
            sha256: f.sha256,
            uploadedAt: iso(f.uploadedAt),
            removedAt: iso(f.removedAt),
          })),
      })),
      ruleEvaluation: a.ruleEvaluation,
      extension: a.extension && {
        status: a.extension.status,
        workingDays: a.extension.workingDays,
        reason: a.extension.reason,
      },
      createdAt: iso(a.createdAt),
      submittedAt: iso(a.submittedAt),
      acceptedAt: iso(a.acceptedAt),
      decidedAt: iso(a.decidedAt),
      finishedAt: iso(a.finishedAt),
      history: steps
        .filter((s) => s.applicationId === a.id)
        .map((s) => ({
          action: s.action,
          fromState: s.fromState,
          toState: s.toState,
          by: s.actorKind,
          comment: s.comment,
          materialReasons: s.materialReasons,
          at: iso(s.at),
        })),
    })),
    ratings: ratings.map((r) => {
      const task = tasks.find((t) => t.ratingId === r.id);
      return {
        applicationId: r.applicationId,
        score: r.score,
        satisfaction: r.satisfaction,
        efficiency: r.efficiency,
        guideAccuracy: r.guideAccuracy,
        convenience: r.convenience,
        comment: r.comment,
        ratedAt: iso(r.ratedAt),
        departmentResponse: task
          ? { status: task.status, response: task.response, closedAt: iso(task.closedAt) }
          : null,
      };
    }),
    notifications: notifications.map((n) => ({
      kind: n.kind,
      title: n.title.zh,
      body: n.body.zh,
      applicationId: n.applicationId,
      createdAt: iso(n.createdAt),
      readAt: iso(n.readAt),
    })),
  };
  return JSON.stringify({ source: 'affairs', version: AFFAIRS_EXPORT_VERSION, data });
}
