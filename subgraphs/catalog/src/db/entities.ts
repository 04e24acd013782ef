import { Department } from '../modules/department/department.entity.js';
import { LifeEvent } from '../modules/life-event/life-event.entity.js';
import { Region } from '../modules/region/region.entity.js';
import {
  SearchTerm,
  ServiceItem,
  ServiceItemLifeEvent,
  ServiceItemVersion,
} from '../modules/service-item/service-item.entity.js';
import { ServicePoint, ServicePointItem } from '../modules/service-point/service-point.entity.js';

export const entities = [
  Department,
  LifeEvent,
  Region,
  ServiceItem,
  ServiceItemLifeEvent,
  ServiceItemVersion,
  SearchTerm,
  ServicePoint,
  ServicePointItem,
];
