// Security headers on every answer (the web app, the API and the print pages), via helmet.
// The Content-Security-Policy is the one the built web app works with: antd writes inline
// styles, signatures are data: images, nothing may frame us, scripts come from our origin only.
import type { FastifyHelmetOptions } from '@fastify/helmet';

export const securityHeaders: FastifyHelmetOptions = {
  global: true,
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  // served over plain http on a LAN too: no upgrade-insecure-requests, no HSTS
  strictTransportSecurity: false,
  // the print pages open in a new window that window.opener must not reach
  crossOriginOpenerPolicy: { policy: 'same-origin' },
};
