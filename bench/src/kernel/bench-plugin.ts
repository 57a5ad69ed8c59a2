import { defineHttpApi } from '@atrium/http-api';
import { coreServices, definePlugin } from '@atrium/kernel';

const benchApi = defineHttpApi({
  routes: { ping: { method: 'GET', path: '/ping', summary: 'A small authenticated JSON answer' } },
});

/** A plugin with one authenticated JSON route, for the throughput benchmark. */
export const benchPlugin = definePlugin({
  id: 'bench',
  deps: { http: coreServices.httpRouter },
  apis: [benchApi],
  init({ deps }) {
    deps.http.implement(benchApi, { ping: () => ({ ok: true, service: 'atrium' }) });
  },
});

export default benchPlugin;
