// Pre-sales engineering (issue 17): the four calculators and a deal's sizing.
import { z } from 'zod';
import type { ZApp } from '../../server/routes.js';
import { actorOf } from '../auth/plugin.js';
import { channelsFor, erlangB, trafficFor } from '../../domain/engineering/erlang.js';
import { bandwidth } from '../../domain/engineering/bandwidth.js';
import { voiceQuality } from '../../domain/engineering/emodel.js';
import { monthlySaving } from '../../domain/engineering/saving.js';
import { dealEngineering, sizingSettingsOf, tariffsOf } from './service.js';
import {
  bandwidthQuery, bandwidthReply, dealEngineeringReply, emodelQuery, emodelReply, erlangQuery, erlangReply, measurementQuery, savingQuery, savingReply,
} from './schema.js';

const idParams = z.object({ id: z.string().min(1).max(100) });
const tags = ['engineering'];

export async function engineeringRoutes(app: ZApp) {
  app.get('/calc/erlang-b', {
    config: { policy: 'engineering.calc' },
    schema: { tags, summary: 'Erlang B: give two of channels, trafficErlangs, blocking; the third is computed', querystring: erlangQuery, response: { 200: erlangReply } },
  }, async (req) => {
    const { channels, trafficErlangs, blocking } = req.query;
    if (channels !== undefined && blocking !== undefined) return { channels, blocking, trafficErlangs: trafficFor(channels, blocking), solvedFor: 'trafficErlangs' as const };
    if (trafficErlangs !== undefined && blocking !== undefined) return { ...channelsFor(trafficErlangs, blocking), trafficErlangs, solvedFor: 'channels' as const };
    return { channels: channels!, trafficErlangs: trafficErlangs!, blocking: erlangB(channels!, trafficErlangs!), solvedFor: 'blocking' as const };
  });

  app.get('/calc/bandwidth', {
    config: { policy: 'engineering.calc' },
    schema: { tags, summary: 'bandwidth of VoIP calls in one direction (RTP/UDP/IPv4, optional Ethernet framing and VAD)', querystring: bandwidthQuery, response: { 200: bandwidthReply } },
  }, async (req) => bandwidth(req.query));

  app.get('/calc/emodel', {
    config: { policy: 'engineering.calc' },
    schema: { tags, summary: 'ITU-T G.107 E-model with default parameters: R, MOS and the G.109 band', querystring: emodelQuery, response: { 200: emodelReply } },
  }, async (req) => voiceQuality(req.query));

  app.get('/calc/saving', {
    config: { policy: 'engineering.calc' },
    schema: { tags, summary: 'the monthly saving of moving long distance to VoIP (tariffs and busy hour default to the process settings)', querystring: savingQuery, response: { 200: savingReply } },
  }, async (req) => {
    const def = app.ctx.processes.current();
    const t = tariffsOf(def);
    const s = sizingSettingsOf(def);
    const q = req.query;
    return monthlySaving({
      monthlyBillFen: q.monthlyBillFen, discountPct: q.discountPct, channels: q.channels,
      tariffs: { currentFenPerMinute: q.currentFenPerMinute ?? t.currentFenPerMinute, voipFenPerMinute: q.voipFenPerMinute ?? t.voipFenPerMinute, channelMonthlyFen: q.channelMonthlyFen ?? t.channelMonthlyFen },
      traffic: { busyHourFraction: q.busyHourFraction ?? s.busyHourFraction, workingDaysPerMonth: q.workingDaysPerMonth ?? s.workingDaysPerMonth },
    });
  });

  app.get('/deals/:id/engineering', {
    config: { policy: 'engineering.read' },
    schema: {
      tags: ['deals', ...tags], summary: 'the deal\'s VoIP sizing from its survey and assessment; rttMs, jitterMs, lossPct: a measurement to estimate with',
      params: idParams, querystring: measurementQuery, response: { 200: dealEngineeringReply },
    },
  }, async (req) => {
    const actor = actorOf(req);
    return dealEngineering({ id: req.params.id, actor, measured: req.query }, app.ctx.db, app.ctx);
  });
}
