// Bandwidth of one VoIP call: the codec's payload per packet plus the RTP (12 B), UDP (8 B) and
// IPv4 (20 B) headers, optionally the Ethernet framing (18 B: 14 header + 4 FCS), at the packet
// rate the interval gives. With voice activity detection the average falls by the silence share.

export const CODECS = ['g711', 'g729', 'g722', 'opus'] as const;
export type Codec = (typeof CODECS)[number];
export const PACKET_INTERVALS_MS = [10, 20, 30, 40] as const;
export type PacketMs = (typeof PACKET_INTERVALS_MS)[number];
export type Layer = 'ip' | 'ethernet';

export const RTP_UDP_IP_BYTES = 12 + 8 + 20;
export const ETHERNET_BYTES = 18;
/** Share of the time a talker in a conversation speaks: each direction is silent about 40 % of it. */
export const DEFAULT_VOICE_ACTIVITY = 0.6;

/** Payload bit rate of each codec (kbit/s). Opus is variable; 24 kbit/s is a common wideband VoIP setting. */
export const CODEC_KBPS: Record<Codec, number> = { g711: 64, g729: 8, g722: 64, opus: 24 };

export interface BandwidthInput {
  codec: Codec;
  packetMs: PacketMs;
  layer?: Layer;
  /** extra bytes per packet (VLAN tag 4, PPPoE 8, a VPN tunnel …) */
  extraHeaderBytes?: number;
  /** voice activity detection: the average rate is the active share of the peak */
  vad?: boolean;
  voiceActivity?: number;
  /** Opus only: its payload rate */
  opusKbps?: number;
}

/** Kbit/s one call takes in one direction (a call is full duplex: the same again the other way). */
export function perCallKbps(i: BandwidthInput): number {
  const payloadKbps = i.codec === 'opus' ? i.opusKbps ?? CODEC_KBPS.opus : CODEC_KBPS[i.codec];
  const packetsPerSecond = 1000 / i.packetMs;
  const payloadBytes = (payloadKbps * 1000) / 8 / packetsPerSecond;
  const headerBytes = RTP_UDP_IP_BYTES + (i.layer === 'ethernet' ? ETHERNET_BYTES : 0) + (i.extraHeaderBytes ?? 0);
  const peak = ((payloadBytes + headerBytes) * 8 * packetsPerSecond) / 1000;
  return i.vad ? peak * (i.voiceActivity ?? DEFAULT_VOICE_ACTIVITY) : peak;
}

export function bandwidth(i: BandwidthInput & { calls: number }): { perCallKbps: number; totalKbps: number } {
  const per = perCallKbps(i);
  return { perCallKbps: round(per, 3), totalKbps: round(per * i.calls, 3) };
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
