// Customers and their asset registry: every member of staff works with them.
import { isStaff, type Actor } from './actor.js';

export const customerPolicy = {
  read: (a: Actor) => isStaff(a),
  create: (a: Actor) => isStaff(a),
  update: (a: Actor) => isStaff(a),
  /** the asset registry by serial number */
  assets: (a: Actor) => isStaff(a),
};
