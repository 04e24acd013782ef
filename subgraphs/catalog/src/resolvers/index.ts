import { Department, LifeEvent } from './Department.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';
import { Material, ServiceItem } from './ServiceItem.js';
import { Region, ServicePoint } from './ServicePoint.js';

export const resolvers = {
  Query,
  Mutation,
  ServiceItem,
  Material,
  ServicePoint,
  Region,
  Department,
  LifeEvent,
};
