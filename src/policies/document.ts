// Documents (numbered forms): reading and printing follow the copy list (form.ts), the
// administration clerk files them, the archive searches what the actor may read.
import { caseNoteCopies, mayReadForm, type FormScope } from './form.js';
import { hasRole, isStaff, type Actor } from './actor.js';

/** Some form is readable: a business department, the GM or a partner (not the sysadmin alone). */
const readsSomeForm = (a: Actor) => mayReadForm(a, { copies: caseNoteCopies(a), caseType: 'ticket', casePartnerId: a.partnerId });

export const documentPolicy = {
  read: (a: Actor, d?: FormScope) => (d ? mayReadForm(a, d) : readsSomeForm(a)),
  print: (a: Actor, d?: FormScope) => documentPolicy.read(a, d),
  /** the archive search and its Excel export: staff who read some form */
  search: (a: Actor) => isStaff(a) && readsSomeForm(a),
  export: (a: Actor) => documentPolicy.search(a),
  /** 归档: the administration clerk files a document it may read */
  archive: (a: Actor, d?: FormScope) => isStaff(a) && hasRole(a, 'admin_clerk') && (!d || mayReadForm(a, d)),
};

export function documentAbilities(a: Actor, d: FormScope & { archivedAt?: unknown }) {
  return { print: documentPolicy.print(a, d), archive: !d.archivedAt && documentPolicy.archive(a, d) };
}
