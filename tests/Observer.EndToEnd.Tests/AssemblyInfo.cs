// Each test starts real programs (observer, provider, backend) on a 2-core machine: running them one at a time keeps
// their timing honest and their loopback ports from racing each other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
