// npm start: builds what is out of date (the web app, the server bundle), then runs the server in
// this same process.
import './build-web.mjs';
import { ensureServerBuilt } from './build-server.mjs';

process.setSourceMapsEnabled(true); // stack traces name the TypeScript sources
await import(await ensureServerBuilt());
