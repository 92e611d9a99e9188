import { spawn } from 'node:child_process';

/**
 * `npm run dev`: the API server restarting on change (tsx watch, port 3000) and Vite's dev server with hot
 * reload (port 5173, proxying /api to the server). Open http://localhost:5173.
 */
const children = [
  spawn('npx', ['tsx', 'watch', '--clear-screen=false', 'src/server/main.ts'], {
    stdio: 'inherit',
    env: { ...process.env, SCHAKEL_INSECURE_COOKIES: process.env.SCHAKEL_INSECURE_COOKIES ?? '0' },
  }),
  spawn('npx', ['vite'], { stdio: 'inherit' }),
];
const stop = () => {
  for (const c of children) c.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const c of children)
  c.on('exit', (code) => {
    stop();
    process.exitCode = code ?? 0;
  });
