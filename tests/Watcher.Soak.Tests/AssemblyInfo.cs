// Each test here measures this process's heap and starts the real app, whose OpenTelemetry pipeline listens to
// every Meter named "Watcher" in the process: two at once would read each other's memory and series.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
