import { MaterialFile, UploadTicket } from '../files/material-file.entity.js';
import { Notification } from '../notification/notification.entity.js';
import { Rating, RectificationTask } from '../rating/rating.entity.js';
import { Application, ApplicationEvent } from './application.entity.js';
import { ItemWorkflow } from './item-workflow.entity.js';

/** The application module's entities (and its files, ratings and notifications), collected by src/db/entities.ts. */
export const applicationEntities = [
  Application,
  ApplicationEvent,
  ItemWorkflow,
  MaterialFile,
  UploadTicket,
  Rating,
  RectificationTask,
  Notification,
];
