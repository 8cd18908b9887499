// The asset registry: every installed device of a customer. A serial number is in service at
// one customer at a time (also guarded by a partial unique index); a replaced device stays,
// marked `replacedAt` and linked to its successor, so each serial number has a full history.
import crypto from 'node:crypto';
import type { Tx } from '../../db/client.js';
import { conflict, fieldError } from '../../server/errors.js';
import { presentAsset } from './service.js';
import * as repo from './repo.js';

export interface InstalledDevice { brandModel: string; serialNumber: string; configDocNumber: string }

/** Registers the devices of an installation order (form 4) at a customer.
 *  A serial number listed twice → 400 naming the line; one in service anywhere → 409. */
export async function registerDevices(
  opts: { customerId: string; devices: InstalledDevice[]; installedAt: Date; documentId: string | null; path?: string },
  tx: Tx,
) {
  const path = opts.path ?? 'form.devices';
  const firstLine = new Map<string, number>();
  for (const [i, d] of opts.devices.entries()) {
    const first = firstLine.get(d.serialNumber);
    if (first !== undefined) {
      throw fieldError(`${path}.${i}.serialNumber`, 'serial.twice_in_list', { serial: d.serialNumber, line: first + 1 });
    }
    firstLine.set(d.serialNumber, i);
  }
  const added = [];
  for (const d of opts.devices) {
    const inService = await repo.inServiceAssetWithCustomer(tx, d.serialNumber);
    if (inService) {
      throw inService.asset.customerId === opts.customerId
        ? conflict('serial.in_service_here', { serial: d.serialNumber })
        : conflict('serial.in_service', { serial: d.serialNumber, customer: inService.customerName });
    }
    try {
      added.push(await repo.insertAsset(tx, {
        id: crypto.randomUUID(), customerId: opts.customerId, brandModel: d.brandModel, serialNumber: d.serialNumber,
        configDocNumber: d.configDocNumber, installedAt: opts.installedAt, documentId: opts.documentId,
      }));
    } catch (e) {
      // another installation registered the same serial number at the same moment (partial unique index)
      if (isUniqueViolation(e)) throw conflict('serial.just_taken', { serial: d.serialNumber });
      throw e;
    }
  }
  return added;
}

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } } | undefined;
  return err?.code === '23505' || err?.cause?.code === '23505';
}

/** Search by serial number (substring): every device that ever had it, with its customer,
 *  the successor that replaced it and the predecessor it replaced. */
export async function assetHistoryBySerial(serial: string, tx: Tx) {
  const rows = await repo.assetHistory(tx, serial);
  const ids = rows.map((r) => r.asset.id);
  const successors = new Map((await repo.assetsByIds(tx, rows.flatMap((r) => (r.asset.replacedById ? [r.asset.replacedById] : [])))).map((a) => [a.id, a]));
  const predecessors = new Map((await repo.assetsReplacedBy(tx, ids)).map((a) => [a.replacedById!, a]));
  const link = (a: { id: string; brandModel: string; serialNumber: string } | undefined) =>
    a ? { id: a.id, brandModel: a.brandModel, serialNumber: a.serialNumber } : null;
  return {
    items: rows.map((r) => ({
      ...presentAsset(r.asset),
      customerId: r.asset.customerId,
      customerName: r.customerName,
      inService: !r.asset.replacedAt,
      replacedBy: link(r.asset.replacedById ? successors.get(r.asset.replacedById) : undefined),
      replaces: link(predecessors.get(r.asset.id)),
    })),
  };
}
