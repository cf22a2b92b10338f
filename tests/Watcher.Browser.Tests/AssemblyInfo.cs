// Tests here run the real app: OTel's AddMeter(name) matches every Meter of that name in the process, so two such
// tests at once would see each other's series. They run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
