import Fastify from 'fastify';

// The baseline: the same JSON answer from Fastify with nothing in front of it.
const app = Fastify({ logger: false });
app.get('/ping', async () => ({ ok: true, service: 'atrium' }));
const address = await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`bare fastify listening on ${address}\n`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
