using Watcher.Bench;
using Watcher.Bench.Harness;
using Watcher.Bench.Hosting;

// The child mode serves one Watcher with the harness's extra endpoints; everything else runs the harness.
return args is [ServeCommand.Name, ..]
    ? await ServeCommand.RunAsync(args[1..])
    : await BenchRunner.RunAsync(BenchSettings.Parse(args));
