// Preloaded into the `astro build` that scripts/build.ts starts (node --import): if the orchestrator dies without
// cleaning up (SIGKILL, the OOM killer), Astro stops too instead of writing on into an abandoned staging folder.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.exit(1);
}, 250).unref();
