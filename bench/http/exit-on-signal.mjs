// Preloaded into the profiled portal (node --import): exit normally on SIGTERM so that --cpu-prof writes its profile.
for (const signal of ["SIGTERM", "SIGINT"]) process.once(signal, () => process.exit(0));
